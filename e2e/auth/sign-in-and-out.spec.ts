import { expect, test, type BrowserContext } from '@playwright/test';
import { personaList, personas } from '@/lib/demo/personas';
import { seedOrgs } from '@/lib/demo/seed-data';
import { getE2eEnv } from '../support/env';
import { completeSignIn, signInAs, signOut } from '../support/sign-in';

const SESSION_COOKIE = '__Host-iati.session';

async function appCookies(context: BrowserContext) {
  const { appUrl } = getE2eEnv();

  return (await context.cookies(appUrl)).filter((cookie) =>
    cookie.name.includes('iati.'),
  );
}

test.describe('signing in and out', () => {
  for (const persona of personaList) {
    test(`${persona.name} signs in, holds no token in the browser, and signs out of IATI too`, async ({
      page,
      context,
    }) => {
      const first = await signInAs(page, persona.key);
      expect(first.sawPasswordForm).toBe(true);
      await expect(page.getByText(persona.name).first()).toBeVisible();

      // SR-01: nothing token-like reaches the browser.
      const html = await page.content();
      expect(html).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      const sessionJson = await page.evaluate(async () =>
        (await fetch('/api/auth/session')).text(),
      );
      expect(sessionJson).toContain(persona.name);
      expect(sessionJson).not.toMatch(
        /eyJ|access_token|refresh_token|id_token/,
      );
      expect(await page.evaluate(() => document.cookie)).toBe('');

      // SR-02: prefixed, Secure, HttpOnly, SameSite=Lax, host-only, small.
      const cookies = await appCookies(context);
      const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
      expect(session).toBeDefined();
      for (const cookie of cookies) {
        expect(cookie.name).toMatch(/^__(Host|Secure)-/);
        expect(cookie.secure).toBe(true);
        expect(cookie.httpOnly).toBe(true);
        expect(cookie.sameSite).toBe('Lax');
        expect(cookie.domain.startsWith('.')).toBe(false);
        expect(cookie.name.length + cookie.value.length).toBeLessThan(4096);
      }
      expect(
        cookies.reduce((sum, c) => sum + c.name.length + c.value.length, 0),
      ).toBeLessThan(8192);

      // SR-13/SR-14: sign-out ends both sessions; the old cookie is dead.
      await signOut(page);
      await expect(
        page.getByText('signed out of IATI Account and of IATI sign-in'),
      ).toBeVisible();
      const replay = await page.request.get('/orgs', {
        headers: { cookie: `${SESSION_COOKIE}=${session?.value}` },
        maxRedirects: 0,
      });
      expect(replay.status()).toBe(307);
      expect(replay.headers().location).toMatch(
        /^\/\?callbackUrl=|^http.*\/\?callbackUrl=/,
      );
      const replayedSession = await page.request.get('/api/auth/session', {
        headers: { cookie: `${SESSION_COOKIE}=${session?.value}` },
      });
      expect(await replayedSession.text()).not.toContain(persona.name);

      const again = await signInAs(page, persona.key);
      expect(again.sawPasswordForm).toBe(true);
    });
  }

  test('the state, PKCE and nonce cookies of a sign-in live at most 15 minutes (SR-02)', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in with IATI' }).click();
    // On the identity service's page, the app's flow cookies are set.
    await expect(page.getByLabel('Email')).toBeVisible();

    const flow = (await appCookies(context)).filter((cookie) =>
      /state|pkce|nonce/.test(cookie.name),
    );
    expect(flow.map((cookie) => cookie.name).sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/state/),
        expect.stringMatching(/pkce/),
        expect.stringMatching(/nonce/),
      ]),
    );
    const now = Date.now() / 1000;
    for (const cookie of flow) {
      expect(cookie.expires, cookie.name).toBeGreaterThan(now);
      expect(cookie.expires - now, cookie.name).toBeLessThanOrEqual(15 * 60);
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.secure, cookie.name).toBe(true);
    }
  });

  test("after one person signs out, the next in the same tab never sees the first one's data (SR-17)", async ({
    page,
  }) => {
    const marker = seedOrgs.riverlands.name;
    // A slow network widens any moment in which old data could show.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 200,
      downloadThroughput: 500 * 1024,
      uploadThroughput: 500 * 1024,
    });

    // SR-01 on every answer of a session, client navigations included.
    const tokenLike: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().startsWith(getE2eEnv().appUrl)) return;
      const body = await response.text().catch(() => '');
      if (/eyJ[\w-]+\.[\w-]+\./.test(body)) tokenLike.push(response.url());
    });

    await signInAs(page, 'admin');
    await page.goto('/orgs');
    await expect(page.getByRole('link', { name: marker })).toBeVisible();
    await page.getByRole('link', { name: marker }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: marker }),
    ).toBeVisible();
    await signOut(page);

    // From here on, record whether the first person's organisation is ever
    // in the page or in an answer from the app.
    const seenInAnswers: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().startsWith(getE2eEnv().appUrl)) return;
      const body = await response.text().catch(() => '');
      if (body.includes(marker)) seenInAnswers.push(response.url());
    });
    await page.addInitScript((text) => {
      const check = () => {
        if (document.documentElement?.textContent?.includes(text)) {
          sessionStorage.setItem('sr17-seen', location.href);
        }
      };
      new MutationObserver(check).observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    }, marker);

    await signInAs(page, 'newcomer');
    await page.goto('/orgs');
    await page.goBack();
    await page.goto('/me/roles');
    await expect(
      page.getByRole('heading', { level: 1, name: 'My roles' }),
    ).toBeVisible();

    expect(await page.evaluate(() => sessionStorage.getItem('sr17-seen'))).toBe(
      null,
    );
    expect(seenInAnswers).toEqual([]);
    expect(tokenLike).toEqual([]);
  });

  test('a person signed in through the tool gets into the app without a password (SSO)', async ({
    page,
    context,
  }) => {
    const viaTool = await signInAs(page, 'toolAdmin', { client: 'tool' });
    expect(viaTool.sawPasswordForm).toBe(true);
    // Leave the app session only; the identity service's session stays. The
    // app's page is left first, so that nothing it still runs can navigate
    // on seeing its session gone.
    await page.goto('about:blank');
    await context.clearCookies({ name: SESSION_COOKIE });

    const viaWeb = await signInAs(page, 'toolAdmin', { client: 'web' });

    expect(viaWeb.sawPasswordForm).toBe(false);
    await expect(page.getByText(personas.toolAdmin.name).first()).toBeVisible();
  });

  test('signing in as someone else replaces the earlier session (SR-07)', async ({
    page,
    context,
    browser,
  }) => {
    await signInAs(page, 'editor');
    const editorCookie = (await appCookies(context)).find(
      (c) => c.name === SESSION_COOKIE,
    );
    // A new identity-service login as another person, from the same browser.
    await context.clearCookies({ name: /^_session/ });
    const url = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as {
        csrfToken: string;
      };
      const response = await fetch('/api/auth/signin/iati', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          csrfToken,
          callbackUrl: '/orgs',
          json: 'true',
        }),
      });

      return ((await response.json()) as { url: string }).url;
    });
    await page.goto(url);
    await completeSignIn(page, 'contributor');

    await expect(
      page.getByText(personas.contributor.name).first(),
    ).toBeVisible();
    await expect(page.getByText(personas.editor.name)).toHaveCount(0);
    const other = await browser.newContext({ baseURL: getE2eEnv().appUrl });
    const replay = await other.request.get('/orgs', {
      headers: { cookie: `${SESSION_COOKIE}=${editorCookie?.value}` },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(307);
    await other.close();
  });

  test('a replayed sign-in callback fails with a friendly message and no session (SR-03)', async ({
    page,
    browser,
  }) => {
    let callbackUrl = '';
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/callback/iati'))
        callbackUrl = request.url();
    });
    await signInAs(page, 'admin');
    expect(callbackUrl).toContain('code=');

    const other = await browser.newContext({ baseURL: getE2eEnv().appUrl });
    const stolen = await other.newPage();
    await stolen.goto(callbackUrl);
    await expect(
      stolen.getByText('Signing in did not complete', { exact: false }),
    ).toBeVisible();
    expect(
      (await appCookies(other)).find((c) => c.name === SESSION_COOKIE),
    ).toBeUndefined();
    await other.close();
  });

  for (const target of ['https://evil.example/steal', '//evil.example/steal']) {
    test(`callbackUrl ${target} lands on the app (SR-19)`, async ({ page }) => {
      await signInAs(page, 'newcomer', { callbackUrl: target });

      expect(new URL(page.url()).origin).toBe(getE2eEnv().appUrl);
    });
  }

  test('a cross-site sign-out request is refused (SR-28)', async ({ page }) => {
    await signInAs(page, 'pending');
    const response = await page.request.post('/api/auth/sign-out', {
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      maxRedirects: 0,
    });

    expect(response.status()).toBe(403);
    await page.reload();
    await expect(
      page.getByRole('button', { name: 'Sign out', exact: true }),
    ).toBeVisible();
  });

  test('pages and API responses carry the security headers (SR-29)', async ({
    page,
  }) => {
    const landing = await page.request.get('/');
    const headers = landing.headers();
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");

    await signInAs(page, 'contributor');
    const orgs = await page.request.get('/orgs');
    expect(orgs.headers()['cache-control']).toContain('no-store');
    const api = await page.request.get('/api/auth/session');
    expect(api.headers()['cache-control']).toContain('no-store');
  });
});
