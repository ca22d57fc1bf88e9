import { rm } from 'node:fs/promises';
import { decodeJwt } from 'jose';
import { NextRequest } from 'next/server';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { demoClients, personas } from '@/lib/demo/personas';
import { RYD_SCOPES } from '@/lib/ryd/scopes';
import {
  authorizeThroughPages,
  createPkce,
} from '@/services/identity/src/testing/test-browser';
import {
  signInThroughProvider,
  startAuthTestStack,
  type AuthTestStack,
} from './support';

/**
 * SR-14, last clause: signing out still ends the provider session after the
 * ID token (the `id_token_hint`) has expired. The app's sign-out route runs
 * in-process against the real identity service; a fake clock moves past the
 * ID token's expiry.
 */

let stack: AuthTestStack;
let closeDb: () => Promise<void>;
const scope = [
  'openid',
  'profile',
  'email',
  'offline_access',
  ...RYD_SCOPES,
].join(' ');

beforeAll(async () => {
  stack = await startAuthTestStack(60);
  const client = await import('@/lib/server/db/client');
  const handle = await client.openWebDb({ kind: 'pglite' });
  client.useWebDbForTests(handle);
  closeDb = handle.close;
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await closeDb();
  await stack.close();
  await rm(stack.dataDir, { recursive: true, force: true });
});

describe('SR-14: sign-out after the ID token has expired', () => {
  it('ends the app session and the provider session, and comes back with the state', async () => {
    const { authOptions } = await import('@/lib/server/auth/options');
    const store = await import('@/lib/server/auth/session-store');
    const { encode } = await import('next-auth/jwt');
    const { LOGOUT_STATE_COOKIE, SESSION_COOKIE } =
      await import('@/lib/server/auth/cookies');
    const { POST: signOut } = await import('@/app/api/auth/sign-out/route');
    const persona = personas.editor;

    const { tokens, idClaims, browser } = await signInThroughProvider(
      stack,
      persona,
      { scope },
    );
    const token = await authOptions.callbacks!.jwt!({
      token: {},
      user: { id: persona.sub },
      trigger: 'signIn',
      profile: idClaims,
      account: {
        provider: 'iati',
        type: 'oauth',
        providerAccountId: persona.sub,
        access_token: tokens.access_token,
        refresh_token: tokens.refresh_token,
        id_token: tokens.id_token,
        expires_at: Math.floor(Date.now() / 1000) + tokens.expires_in,
        scope: tokens.scope,
        token_type: 'bearer',
      },
    });
    const sid = String(token.sid);
    const cookie = await encode({
      token: { sid },
      secret: String(process.env.NEXTAUTH_SECRET),
    });

    // Past the ID token's expiry (and the provider's clock tolerance), well
    // within the provider session's lifetime.
    const exp = Number(decodeJwt(tokens.id_token).exp);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime((exp + 120) * 1000);
    expect(Date.now() / 1000).toBeGreaterThan(exp + 60);

    const response = await signOut(
      new NextRequest(`${stack.appUrl}/api/auth/sign-out`, {
        method: 'POST',
        headers: {
          origin: stack.appUrl,
          cookie: `${SESSION_COOKIE}=${cookie}`,
        },
      }),
    );

    expect(response.status).toBe(303);
    expect(await store.readSessionRow(sid)).toBeNull();
    const endSession = new URL(response.headers.get('location') ?? '');
    expect(endSession.origin).toBe(new URL(stack.identity.issuer).origin);
    expect(endSession.searchParams.get('id_token_hint')).toBe(tokens.id_token);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(
      `${stack.appUrl}/signed-out`,
    );
    const state = endSession.searchParams.get('state');
    expect(state).toBeTruthy();
    const stateCookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${LOGOUT_STATE_COOKIE}=`));
    expect(stateCookie?.split(';')[0]).toBe(`${LOGOUT_STATE_COOKIE}=${state}`);

    // The provider accepts the expired hint and asks to confirm.
    const page = await browser.fetch(endSession);
    expect(page.status).toBe(200);
    const html = await page.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(xsrf).toBeTruthy();
    const confirmed = await browser.fetch(
      `${stack.identity.url}/session/end/confirm`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf: xsrf ?? '', logout: 'yes' }),
      },
    );
    const back = new URL(
      confirmed.headers.get('location') ?? '',
      stack.identity.url,
    );
    expect(`${back.origin}${back.pathname}`).toBe(`${stack.appUrl}/signed-out`);
    expect(back.searchParams.get('state')).toBe(state);

    // The provider session is over: the next sign-in asks for the password.
    const pkce = createPkce();
    const redirectUri = `${stack.appUrl}/api/auth/callback/iati`;
    const again = new URL(`${stack.identity.url}/auth`);
    again.search = new URLSearchParams({
      client_id: demoClients.web.clientId,
      response_type: 'code',
      scope,
      redirect_uri: redirectUri,
      state: 's',
      nonce: 'n',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    }).toString();
    const next = await authorizeThroughPages({
      browser,
      authorizationUrl: again,
      redirectUri,
      persona,
    });
    expect(next.sawLoginForm).toBe(true);
  });
});
