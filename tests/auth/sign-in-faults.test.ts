import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthOptions } from 'next-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoClients, personas } from '@/lib/demo/personas';
import {
  startFakeOp,
  type FakeOp,
  type FakeOpAccount,
  type IdTokenFault,
} from '../support/fake-op';

/**
 * The web app's sign-in callback, run in-process through next-auth's own
 * request handler against a fake provider whose ID tokens carry one fault
 * at a time (the relying-party checks of the OpenID conformance suite).
 */

const APP_URL = 'http://localhost:25870';
const SESSION_COOKIE = '__Host-iati.session';

let op: FakeOp;
let dataDir: string;
let authOptions: AuthOptions;

/** What next-auth's core handler answers (next-auth/core/index.d.ts). */
type ResponseInternal = {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string; options: { maxAge?: number } }[];
};
type AuthHandlerFn = (params: {
  req: Request;
  options: AuthOptions;
}) => Promise<ResponseInternal>;
let AuthHandler: AuthHandlerFn;
let countSessions: () => Promise<number>;
let closeDb: () => Promise<void>;

const account: FakeOpAccount = {
  sub: personas.editor.sub,
  name: personas.editor.name,
  email: personas.editor.email,
  iatiRegistryId: personas.editor.uid,
};

type Jar = Map<string, string>;

/** One request to next-auth's handler, with a browser-like cookie jar. */
async function call(
  jar: Jar,
  pathAndQuery: string,
  body?: Record<string, string>,
): Promise<ResponseInternal> {
  const headers = new Headers({ host: new URL(APP_URL).host });
  if (jar.size) {
    headers.set(
      'cookie',
      [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    );
  }
  if (body) headers.set('content-type', 'application/json');
  const request = new Request(`${APP_URL}${pathAndQuery}`, {
    method: body ? 'POST' : 'GET',
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const response = await AuthHandler({ req: request, options: authOptions });
  for (const cookie of response.cookies ?? []) {
    if (!cookie.value || cookie.options.maxAge === 0) jar.delete(cookie.name);
    else jar.set(cookie.name, cookie.value);
  }

  return response;
}

/** Starts a sign-in the way the landing page's button does. */
async function startSignIn(jar: Jar): Promise<string> {
  const csrf = await call(jar, '/api/auth/csrf');
  const { csrfToken } = csrf.body as { csrfToken: string };
  const started = await call(jar, '/api/auth/signin/iati', {
    csrfToken,
    callbackUrl: '/orgs',
  });
  if (!started.redirect)
    throw new Error('sign-in did not redirect to the provider');

  return started.redirect;
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

function setsSession(response: ResponseInternal): boolean {
  return (response.cookies ?? []).some(
    (cookie) => cookie.name === SESSION_COOKIE && cookie.value !== '',
  );
}

/**
 * Follows the app's redirects the way a browser would until it leaves
 * /api/auth, and returns where it lands and how many hops it took.
 */
async function land(jar: Jar, first: ResponseInternal) {
  let response = first;
  let hops = 0;
  for (;;) {
    const target = response.redirect;
    if (!target) throw new Error('expected a redirect');
    hops += 1;
    const url = new URL(target, APP_URL);
    if (
      url.origin !== APP_URL ||
      !url.pathname.startsWith('/api/auth/') ||
      hops > 5
    ) {
      return { url, hops };
    }
    response = await call(jar, pathOf(url));
  }
}

/** A full sign-in with the provider applying `fault` to the ID token. */
async function signInWith(
  fault: IdTokenFault,
  change: (callback: URL) => void = () => undefined,
) {
  const jar: Jar = new Map();
  const authorizationUrl = await startSignIn(jar);
  op.setFault(fault);
  const callback = op.authorize(authorizationUrl, account);
  change(callback);
  const sessionsBefore = await countSessions();
  const grantsBefore = op.tokenGrants();
  const response = await call(jar, pathOf(callback));
  const landing = await land(jar, response);

  return {
    response,
    landing,
    jar,
    callback,
    newSessions: (await countSessions()) - sessionsBefore,
    exchanged: op.tokenGrants() - grantsBefore,
  };
}

/** A refused sign-in: a friendly error on the landing page and no session anywhere. */
function expectRefused(
  result: Awaited<ReturnType<typeof signInWith>>,
  error: 'OAuthCallback' | 'ClockSkew' | 'AccessDenied' = 'OAuthCallback',
) {
  expect(setsSession(result.response)).toBe(false);
  expect(result.jar.has(SESSION_COOKIE)).toBe(false);
  expect(result.newSessions).toBe(0);
  expect(result.landing.url.origin).toBe(APP_URL);
  expect(result.landing.url.pathname).toBe('/');
  expect(result.landing.url.searchParams.get('error')).toBe(error);
  // next-auth's own error hops (callback, error, signin) end on the landing
  // page, which shows the message and waits for a click: no loop.
  expect(result.landing.hops).toBeLessThanOrEqual(3);
}

beforeAll(async () => {
  op = await startFakeOp({ clients: [demoClients.web, demoClients.tool] });
  dataDir = await mkdtemp(path.join(tmpdir(), 'sign-in-faults-'));
  Object.assign(process.env, {
    APP_URL,
    NEXTAUTH_URL: APP_URL,
    IDENTITY_ISSUER: op.issuer,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NEXTAUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
  });
  ({ authOptions } = await import('@/lib/server/auth/options'));
  // The handler behind next-auth's route handlers; the package does not
  // export it by name, so it is loaded from its file.
  const load = createRequire(import.meta.url);
  ({ AuthHandler } = load(
    path.join(process.cwd(), 'node_modules/next-auth/core/index.js'),
  ) as {
    AuthHandler: AuthHandlerFn;
  });
  const client = await import('@/lib/server/db/client');
  const { sessions } = await import('@/lib/server/db/schema');
  const handle = await client.openWebDb({ kind: 'pglite' });
  client.useWebDbForTests(handle);
  closeDb = handle.close;
  countSessions = async () => (await handle.db.select().from(sessions)).length;
});

beforeEach(() => op.setFault({}));

afterAll(async () => {
  await closeDb();
  await op.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a correct sign-in (the baseline every fault is measured against)', () => {
  it('creates one session and lands on the requested page', async () => {
    const result = await signInWith({});

    expect(result.exchanged).toBe(1);
    expect(setsSession(result.response)).toBe(true);
    expect(result.newSessions).toBe(1);
    expect(result.landing.url.href).toBe(`${APP_URL}/orgs`);
  });
});

describe('the authorization request', () => {
  it('asks for PKCE S256, state, nonce, every scope the app uses, and max_age (SR-03, SR-12)', async () => {
    const { REQUESTED_SCOPES } = await import('@/lib/server/auth/scopes');
    const { env } = await import('@/lib/server/env');
    const url = new URL(await startSignIn(new Map()));

    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(REQUESTED_SCOPES);
    expect(url.searchParams.get('max_age')).toBe(
      String(env.SESSION_ABSOLUTE_LIFETIME),
    );
  });
});

describe('SR-03: state and nonce', () => {
  it('a tampered state fails before the code is exchanged', async () => {
    const result = await signInWith({}, (callback) => {
      callback.searchParams.set(
        'state',
        `${callback.searchParams.get('state')}x`,
      );
    });

    expectRefused(result);
    expect(result.exchanged).toBe(0);
  });

  it('a callback without state fails', async () => {
    const result = await signInWith({}, (callback) =>
      callback.searchParams.delete('state'),
    );

    expectRefused(result);
    expect(result.exchanged).toBe(0);
  });

  it('a callback completed in another browser fails', async () => {
    const jar: Jar = new Map();
    const callback = op.authorize(await startSignIn(jar), account);
    const otherBrowser: Jar = new Map();
    const before = await countSessions();

    const response = await call(otherBrowser, pathOf(callback));
    const landing = await land(otherBrowser, response);

    expect(setsSession(response)).toBe(false);
    expect(await countSessions()).toBe(before);
    expect(landing.url.searchParams.get('error')).toBe('OAuthCallback');
  });

  it('a replayed callback fails and adds no session', async () => {
    const first = await signInWith({});
    expect(first.newSessions).toBe(1);
    const before = await countSessions();

    const replay = await call(first.jar, pathOf(first.callback));

    expect(setsSession(replay)).toBe(false);
    expect(await countSessions()).toBe(before);
  });

  it('an ID token with the wrong nonce is refused', async () => {
    expectRefused(
      await signInWith({ claims: { nonce: 'not-the-nonce-we-sent' } }),
    );
  });

  it('an ID token without the nonce is refused', async () => {
    expectRefused(await signInWith({ omit: ['nonce'] }));
  });
});

describe('SR-04: ID tokens are checked at sign-in', () => {
  it.each<[string, IdTokenFault]>([
    ['a signature by a key not in the JWKS', { signing: 'foreign-key' }],
    ['alg none', { signing: 'none' }],
    ['HS256 signed with the client secret', { signing: 'hs256-client-secret' }],
    ['a wrong issuer', { claims: { iss: 'https://evil.example' } }],
    ['a wrong audience', { claims: { aud: 'someone-else' } }],
    [
      'an audience list without this client',
      { claims: { aud: ['someone-else', 'another'], azp: 'someone-else' } },
    ],
    [
      'an audience list naming this client but another azp',
      {
        claims: { aud: [demoClients.web.clientId, 'another'], azp: 'another' },
      },
    ],
    ['no audience', { omit: ['aud'] }],
    ['no subject', { omit: ['sub'] }],
    ['no iat', { omit: ['iat'] }],
    ['no exp', { omit: ['exp'] }],
    [
      'an expired token',
      { claims: { exp: Math.floor(Date.now() / 1000) - 600 } },
    ],
  ])('refuses %s', async (_name, fault) => {
    const result = await signInWith(fault);

    expect(result.exchanged).toBe(1);
    expectRefused(result);
  });

  it('refuses an empty subject: back on the sign-in page, no session', async () => {
    // next-auth drops a profile without an id and sends the browser back to
    // sign in, without an error code.
    const result = await signInWith({ claims: { sub: '' } });

    expect(setsSession(result.response)).toBe(false);
    expect(result.newSessions).toBe(0);
    expect(result.landing.url.pathname).toBe('/');
    expect(result.landing.url.searchParams.get('callbackUrl')).toBe(
      `${APP_URL}/orgs`,
    );
  });
});

describe('SR-20: clock skew between the provider and the app', () => {
  it.each<[string, IdTokenFault]>([
    ['30 s ahead (with nbf)', { clockOffsetSeconds: 30, withNbf: true }],
    ['30 s behind', { clockOffsetSeconds: -30 }],
    ['25 s ahead', { clockOffsetSeconds: 25, withNbf: true }],
  ])('a provider clock %s still signs in', async (_name, fault) => {
    const result = await signInWith(fault);

    expect(result.newSessions).toBe(1);
    expect(result.landing.url.href).toBe(`${APP_URL}/orgs`);
  });

  it('a provider clock 10 min ahead is refused with the clock error', async () => {
    expectRefused(await signInWith({ clockOffsetSeconds: 600 }), 'ClockSkew');
  });

  it('a provider clock 10 min behind is refused with the clock error, even with a long-lived token', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;

    expectRefused(
      await signInWith({ clockOffsetSeconds: -600, claims: { exp } }),
      'ClockSkew',
    );
  });

  it.each<[string, IdTokenFault]>([
    ['10 min ahead with nbf', { clockOffsetSeconds: 600, withNbf: true }],
    ['10 min behind, token already expired', { clockOffsetSeconds: -600 }],
  ])('a provider clock %s fails closed', async (_name, fault) => {
    expectRefused(await signInWith(fault));
  });
});
