import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoClients, personas, type Persona } from '@/lib/demo/personas';
import { RYD_SCOPES } from '@/lib/ryd/scopes';
import {
  signInThroughProvider,
  startAuthTestStack,
  type AuthTestStack,
} from './support';

type Modules = {
  options: typeof import('@/lib/server/auth/options');
  tokens: typeof import('@/lib/server/auth/tokens');
  store: typeof import('@/lib/server/auth/session-store');
  logout: typeof import('@/lib/server/auth/logout');
  session: typeof import('@/lib/server/auth/session');
  prefs: typeof import('@/lib/server/auth/preferences');
  oidc: typeof import('@/lib/server/auth/oidc');
  withSession: typeof import('@/lib/server/auth/with-session');
  schema: typeof import('@/lib/server/db/schema');
  client: typeof import('@/lib/server/db/client');
  types: typeof import('@/lib/server/auth/types');
};

let stack: AuthTestStack;
let m: Modules;
let db: import('@/lib/server/db/client').WebDb;
let closeDb: () => Promise<void>;
let scope: string;

async function load(): Promise<Modules> {
  return {
    options: await import('@/lib/server/auth/options'),
    tokens: await import('@/lib/server/auth/tokens'),
    store: await import('@/lib/server/auth/session-store'),
    logout: await import('@/lib/server/auth/logout'),
    session: await import('@/lib/server/auth/session'),
    prefs: await import('@/lib/server/auth/preferences'),
    oidc: await import('@/lib/server/auth/oidc'),
    withSession: await import('@/lib/server/auth/with-session'),
    schema: await import('@/lib/server/db/schema'),
    client: await import('@/lib/server/db/client'),
    types: await import('@/lib/server/auth/types'),
  };
}

/** Signs in through the provider and runs the app's own sign-in callback. */
async function createAppSession(
  persona: Persona,
  client: 'web' | 'tool' = 'web',
) {
  const signedIn = await signInThroughProvider(stack, persona, {
    client,
    scope,
  });
  const { tokens } = signedIn;
  const jwt = m.options.authOptions.callbacks?.jwt;
  if (!jwt) throw new Error('no jwt callback');
  const token = await jwt({
    token: {},
    user: { id: persona.sub },
    trigger: 'signIn',
    profile: signedIn.idClaims,
    account: {
      provider: client === 'web' ? 'iati' : 'tool',
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

  return { sid, tokens, browser: signedIn.browser };
}

/** Makes the stored access token look about to expire. */
async function ageAccessToken(sid: string) {
  const { sessions } = m.schema;
  await db
    .update(sessions)
    .set({
      accessTokenExpiresAt: new Date(Date.now() + 1_000),
      tokensUpdatedAt: new Date(Date.now() - 60_000),
    })
    .where(eq(sessions.id, sid));
}

async function signingKey() {
  const file = path.join(stack.dataDir, 'identity', 'signing-keys.json');
  const { keys } = JSON.parse(await readFile(file, 'utf8')) as { keys: JWK[] };
  const jwk = keys[0];
  if (!jwk) throw new Error('no key');

  return { key: await importJWK(jwk, 'RS256'), kid: String(jwk.kid) };
}

beforeAll(async () => {
  stack = await startAuthTestStack(20);
  m = await load();
  const handle = await m.client.openWebDb({ kind: 'pglite' });
  m.client.useWebDbForTests(handle);
  db = handle.db;
  closeDb = handle.close;
  scope = ['openid', 'profile', 'email', 'offline_access', ...RYD_SCOPES].join(
    ' ',
  );
});

afterAll(async () => {
  await closeDb();
  await stack.close();
  await rm(stack.dataDir, { recursive: true, force: true });
});

describe('web app sessions', () => {
  it('keeps tokens on the server and records missing scopes', async () => {
    const { sid } = await createAppSession(personas.editor);
    const row = await m.store.readSessionRow(sid);
    const session = m.store.toAppSession(row!);

    expect(row?.refreshToken).toBeTruthy();
    expect(session.user.uid).toBe(personas.editor.uid);
    expect(session.user.identityRoles).toEqual(personas.editor.identityRoles);
    expect(session.grantedScopes).toContain('ryd:reporting_org');
    expect(session.missingScopes).toEqual(['ryd:reporting_org:create']);
    expect(JSON.stringify(session)).not.toMatch(/eyJ/);
  });

  it('SR-06: two accounts with the same email are different users', async () => {
    const base = {
      client: 'web' as const,
      providerSid: null,
      requestedScopes: [],
      grantedScopes: [],
      accessToken: 'x',
      accessTokenExpiresAt: new Date(Date.now() + 60_000),
      refreshToken: null,
      idToken: null,
    };
    const profile = {
      name: 'Same',
      email: 'same@example.org',
      uid: 'u',
      identityRoles: [],
    };
    const first = await m.store.createSession({
      ...base,
      iss: 'https://a.example',
      sub: 's1',
      profile,
    });
    const second = await m.store.createSession({
      ...base,
      iss: 'https://b.example',
      sub: 's1',
      profile,
    });
    const users = await db
      .select()
      .from(m.schema.users)
      .where(eq(m.schema.users.email, 'same@example.org'));
    const sessionA = m.store.toAppSession(
      (await m.store.readSessionRow(first))!,
    );
    const sessionB = m.store.toAppSession(
      (await m.store.readSessionRow(second))!,
    );
    const dataset = {
      did: '0f6c7c1e-5b7d-4a43-9b0a-3d2f1c4e5a6b',
      name: 'Budget 2026',
      oid: '9c0a3e53-7d8c-4ef5-a2b9-4d0f6f1f0d9a',
    };
    await m.prefs.setLastDataset(sessionA, dataset);

    expect(users).toHaveLength(2);
    expect(await m.prefs.getLastDataset(sessionA)).toEqual(dataset);
    expect(await m.prefs.getLastDataset(sessionB)).toBeNull();
  });

  it('SR-09/SR-10: twenty concurrent calls at expiry make exactly one refresh, and the rotated token is saved', async () => {
    const { sid, tokens } = await createAppSession(personas.admin);
    await ageAccessToken(sid);
    const before = stack.identity.countGrants('refresh_token');

    const results = await Promise.all(
      Array.from({ length: 20 }, () => m.tokens.getAccessToken({ id: sid })),
    );

    expect(stack.identity.countGrants('refresh_token') - before).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(tokens.access_token);
    const row = await m.store.readSessionRow(sid);
    expect(row?.refreshToken).not.toBe(tokens.refresh_token);
    // The saved token is the live one: the next refresh works.
    await ageAccessToken(sid);
    await expect(m.tokens.getAccessToken({ id: sid })).resolves.toMatch(/^eyJ/);
    expect(stack.identity.countGrants('refresh_token') - before).toBe(2);
  });

  it('SR-09: two processes sharing the store still refresh once', async () => {
    const { sid } = await createAppSession(personas.contributor);
    await ageAccessToken(sid);
    vi.resetModules();
    const other = await import('@/lib/server/auth/tokens');
    const before = stack.identity.countGrants('refresh_token');

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? other : m.tokens).getAccessToken({ id: sid }),
      ),
    );

    expect(stack.identity.countGrants('refresh_token') - before).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('does not refresh a token that is far from expiry', async () => {
    const { sid, tokens } = await createAppSession(personas.pending);
    const before = stack.identity.countGrants('refresh_token');

    await expect(m.tokens.getAccessToken({ id: sid })).resolves.toBe(
      tokens.access_token,
    );
    expect(stack.identity.countGrants('refresh_token')).toBe(before);
  });

  it('SR-11: a refused refresh ends the session with a typed error', async () => {
    const { sid } = await createAppSession(personas.newcomer);
    const row = await m.store.readSessionRow(sid);
    await m.logout.revokeRefreshToken(row!);
    await ageAccessToken(sid);

    const failure = await m.tokens
      .getAccessToken({ id: sid })
      .catch((error: unknown) => error);

    expect(m.types.isSessionEndedError(failure)).toBe(true);
    expect(await m.store.readSessionRow(sid)).toBeNull();
    await expect(m.tokens.getAccessToken({ id: sid })).rejects.toBeInstanceOf(
      m.types.SessionEndedError,
    );
  });

  it('SR-15: signing out revokes the refresh token at the provider', async () => {
    const { sid, tokens } = await createAppSession(personas.toolAdmin);
    const row = await m.store.deleteSession(sid);
    await m.logout.revokeRefreshToken(row!);
    const response = await fetch(`${stack.identity.url}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${demoClients.web.clientId}:${demoClients.web.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
      }),
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe(
      'invalid_grant',
    );
  });

  it('SR-13: a session cookie kept from before sign-out is refused', async () => {
    const { sid } = await createAppSession(personas.superadmin);
    const { encode } = await import('next-auth/jwt');
    const cookie = await encode({
      token: { sid },
      secret: String(process.env.NEXTAUTH_SECRET),
    });
    const jwt = m.options.authOptions.callbacks!.jwt!;

    await expect(
      jwt({ token: { sid }, user: { id: 'x' }, account: null }),
    ).resolves.toEqual({ sid });
    await m.store.deleteSession(sid);

    expect(await m.session.readSessionId(cookie)).toBe(sid);
    expect(await m.store.findActiveSession(sid)).toBeNull();
    await expect(
      jwt({ token: { sid }, user: { id: 'x' }, account: null }),
    ).rejects.toThrow();
  });

  it('SR-12: idle and absolute limits end the session', async () => {
    const idle = await createAppSession(personas.editor);
    const old = await createAppSession(personas.editor);
    const { sessions } = m.schema;
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.id, idle.sid));
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.id, old.sid));

    expect(await m.store.findActiveSession(idle.sid)).toBeNull();
    expect(await m.store.findActiveSession(old.sid)).toBeNull();
    expect(await m.store.readSessionRow(idle.sid)).toBeNull();
  });

  it('SR-04: an ID token from a refresh must keep issuer and subject', async () => {
    const { key, kid } = await signingKey();
    const sign = (
      claims: Record<string, unknown>,
      issuer = stack.identity.issuer,
    ) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(issuer)
        .setAudience(demoClients.web.clientId)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const expected = { client: 'web' as const, sub: personas.admin.sub };

    await expect(
      m.oidc.verifyRefreshedIdToken(
        await sign({ sub: personas.admin.sub }),
        expected,
      ),
    ).resolves.toBeTruthy();
    await expect(
      m.oidc.verifyRefreshedIdToken(
        await sign({ sub: personas.editor.sub }),
        expected,
      ),
    ).rejects.toThrow();
    await expect(
      m.oidc.verifyRefreshedIdToken(
        await sign({ sub: personas.admin.sub }, 'https://other.example'),
        expected,
      ),
    ).rejects.toThrow();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({
        sub: personas.admin.sub,
        iss: stack.identity.issuer,
        aud: demoClients.web.clientId,
      }),
    ).toString('base64url')}.`;
    await expect(
      m.oidc.verifyRefreshedIdToken(unsigned, expected),
    ).rejects.toThrow();
  });
});

describe('SR-16: back-channel logout', () => {
  const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };

  async function logoutToken(overrides: {
    claims?: Record<string, unknown>;
    typ?: string;
    issuer?: string;
    audience?: string;
    omit?: string[];
    key?: CryptoKey | Uint8Array;
    alg?: string;
  }) {
    const { key, kid } = await signingKey();
    const claims: Record<string, unknown> = {
      iss: overrides.issuer ?? stack.identity.issuer,
      aud: overrides.audience ?? demoClients.web.clientId,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 120,
      jti: crypto.randomUUID(),
      events: EVENT,
      sub: personas.admin.sub,
      ...overrides.claims,
    };
    for (const name of overrides.omit ?? []) delete claims[name];

    return new SignJWT(claims)
      .setProtectedHeader({
        alg: overrides.alg ?? 'RS256',
        kid,
        typ: overrides.typ ?? 'logout+jwt',
      })
      .sign(overrides.key ?? key);
  }

  it('ends the sessions a genuine logout token names, once', async () => {
    const { sid, browser, tokens } = await createAppSession(personas.admin);
    // The provider posts a real logout token when its session ends.
    const end = new URL(`${stack.identity.url}/session/end`);
    end.searchParams.set('id_token_hint', tokens.id_token);
    const page = await (await browser.fetch(end)).text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    await browser.fetch(`${stack.identity.url}/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    const token = await vi.waitFor(() => {
      const found = stack.logoutTokens.at(-1);
      if (!found) throw new Error('no logout token yet');

      return found;
    });

    await expect(m.logout.handleBackchannelLogout(token)).resolves.toEqual({
      ok: true,
      ended: 1,
    });
    expect(await m.store.readSessionRow(sid)).toBeNull();
    await expect(
      m.logout.handleBackchannelLogout(token),
    ).resolves.toMatchObject({ ok: false });
  });

  it.each([
    [
      'a foreign key',
      async () => {
        const { generateKeyPair } = await import('jose');

        return logoutToken({
          key: (await generateKeyPair('RS256')).privateKey,
        });
      },
    ],
    ['a wrong issuer', () => logoutToken({ issuer: 'https://evil.example' })],
    ['a wrong audience', () => logoutToken({ audience: 'someone-else' })],
    ['no events claim', () => logoutToken({ omit: ['events'] })],
    ['a wrong event', () => logoutToken({ claims: { events: { other: {} } } })],
    ['a nonce', () => logoutToken({ claims: { nonce: 'n' } })],
    ['neither sid nor sub', () => logoutToken({ omit: ['sub'] })],
    ['no iat', () => logoutToken({ omit: ['iat'] })],
    ['no jti', () => logoutToken({ omit: ['jti'] })],
    [
      'an expired token',
      () =>
        logoutToken({ claims: { exp: Math.floor(Date.now() / 1000) - 600 } }),
    ],
    ['the wrong typ', () => logoutToken({ typ: 'JWT' })],
    [
      'alg none',
      async () => {
        const header = Buffer.from(
          '{"alg":"none","typ":"logout+jwt"}',
        ).toString('base64url');
        const body = Buffer.from(
          JSON.stringify({
            iss: stack.identity.issuer,
            aud: demoClients.web.clientId,
            iat: Math.floor(Date.now() / 1000),
            exp: Math.floor(Date.now() / 1000) + 60,
            jti: 'x',
            events: EVENT,
            sub: personas.admin.sub,
          }),
        ).toString('base64url');

        return `${header}.${body}.`;
      },
    ],
    ['garbage', async () => 'not-a-jwt'],
  ])(
    'refuses a logout token with %s and ends nothing',
    async (_name, build) => {
      const { sid } = await createAppSession(personas.admin);
      const token = await build();

      const result = await m.logout.handleBackchannelLogout(token);
      const response = await postBackchannel(
        new URLSearchParams({ logout_token: token }).toString(),
      );

      expect(result.ok).toBe(false);
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await m.store.readSessionRow(sid)).not.toBeNull();
    },
  );

  it.each([
    ['no logout_token', 'application/x-www-form-urlencoded', 'other=1'],
    ['an empty body', 'application/x-www-form-urlencoded', ''],
    ['a JSON body', 'application/json', '{"logout_token":"x"}'],
    ['no content type', undefined, 'logout_token=x'],
  ])(
    'answers a request with %s by 400, never 500',
    async (_name, type, body) => {
      const { sid } = await createAppSession(personas.admin);

      const response = await postBackchannel(body, type);

      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await m.store.readSessionRow(sid)).not.toBeNull();
    },
  );

  it('answers a genuine logout token with 200 and no-store', async () => {
    const { sid } = await createAppSession(personas.admin);
    const row = await m.store.readSessionRow(sid);
    const token = await logoutToken({ claims: { sub: row?.sub } });

    const response = await postBackchannel(
      new URLSearchParams({ logout_token: token }).toString(),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await m.store.readSessionRow(sid)).toBeNull();
  });
});

/** Posts to the app's back-channel logout route, as the provider does. */
async function postBackchannel(
  body: string,
  contentType: string | undefined = 'application/x-www-form-urlencoded',
): Promise<Response> {
  const { POST } = await import('@/app/api/auth/backchannel-logout/route');
  const { NextRequest } = await import('next/server');
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;

  return POST(
    new NextRequest(
      `${String(process.env.APP_URL)}/api/auth/backchannel-logout`,
      {
        method: 'POST',
        headers,
        body,
      },
    ),
  );
}

describe('SR-28: cross-site writes are refused', () => {
  const origin = () => String(process.env.APP_URL);

  it.each([
    ['GET without Origin', 'GET', undefined, undefined, true],
    ['same-origin JSON POST', 'POST', 'self', 'application/json', true],
    [
      'same-origin JSON PATCH with charset',
      'PATCH',
      'self',
      'application/json; charset=utf-8',
      true,
    ],
    ['same-origin DELETE without body', 'DELETE', 'self', undefined, true],
    [
      'cross-site JSON POST',
      'POST',
      'https://evil.example',
      'application/json',
      false,
    ],
    ['POST without Origin', 'POST', undefined, 'application/json', false],
    [
      'same-origin form POST',
      'POST',
      'self',
      'application/x-www-form-urlencoded',
      false,
    ],
    ['same-origin text POST', 'POST', 'self', 'text/plain', false],
    ['cross-site DELETE', 'DELETE', 'https://evil.example', undefined, false],
  ])('%s', (_name, method, from, contentType, allowed) => {
    const headers = new Headers();
    if (from) headers.set('origin', from === 'self' ? origin() : from);
    if (contentType) headers.set('content-type', contentType);
    const request = new Request(`${origin()}/api/x`, { method, headers });

    expect(m.withSession.isSameOriginWrite(request)).toBe(allowed);
  });
});
