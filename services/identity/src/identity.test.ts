import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  demoClients,
  personas,
  RYD_AUDIENCE,
  serviceAccount,
  type Persona,
} from '@/lib/demo/personas';
import { createTokenVerifier } from '@/services/ryd/src/auth/verify-token';
import { MACHINE_SCOPES } from './accounts';
import { start, type IdentityServer } from './server';
import {
  authorizeThroughPages,
  createPkce,
  TestBrowser,
} from './testing/test-browser';

const SCOPE =
  'openid profile email offline_access ryd ryd:reporting_org ryd:reporting_org:create ryd:dataset';

let identity: IdentityServer;
let dataDir: string;
let appServer: Server;
let appUrl: string;
const logoutTokens: string[] = [];

function basic(client: { clientId: string; clientSecret: string }) {
  return `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
}

async function tokenRequest(
  params: Record<string, string>,
  client: { clientId: string; clientSecret: string } = demoClients.web,
) {
  const response = await fetch(`${identity.url}/token`, {
    method: 'POST',
    headers: {
      authorization: basic(client),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(params),
  });

  return {
    status: response.status,
    body: (await response.json()) as Record<string, string>,
  };
}

function authorizationUrl(options: {
  challenge?: string;
  redirectUri?: string;
  clientId?: string;
  scope?: string;
}) {
  const url = new URL(`${identity.url}/auth`);
  url.searchParams.set(
    'client_id',
    options.clientId ?? demoClients.web.clientId,
  );
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', options.scope ?? SCOPE);
  url.searchParams.set(
    'redirect_uri',
    options.redirectUri ?? `${appUrl}/api/auth/callback/iati`,
  );
  url.searchParams.set('state', 'state-1');
  url.searchParams.set('nonce', 'nonce-1');
  if (options.challenge) {
    url.searchParams.set('code_challenge', options.challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }

  return url;
}

async function signIn(
  persona: Persona,
  browser = new TestBrowser(),
  scope = SCOPE,
) {
  const pkce = createPkce();
  const redirectUri = `${appUrl}/api/auth/callback/iati`;
  const result = await authorizeThroughPages({
    browser,
    authorizationUrl: authorizationUrl({ challenge: pkce.challenge, scope }),
    redirectUri,
    persona,
  });
  const code = result.callbackUrl.searchParams.get('code') ?? '';
  const tokens = await tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
  });

  return { ...result, code, pkce, redirectUri, tokens, browser };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'identity-test-'));
  // Stands in for the web app: receives back-channel logout tokens.
  appServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('logout_token');
      if (token) logoutTokens.push(token);
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => appServer.listen(0, resolve));
  appUrl = `http://localhost:${(appServer.address() as AddressInfo).port}`;
  identity = await start({
    port: 0,
    appUrl,
    dataDir,
    logLevel: 'silent',
    ttl: { accessToken: 30 },
  });
});

afterAll(async () => {
  await identity.close();
  await new Promise((resolve) => appServer.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('identity service (SR-34: as strict as production)', () => {
  it('publishes a strict discovery document', async () => {
    const response = await fetch(
      `${identity.url}/.well-known/openid-configuration`,
    );
    const discovery = (await response.json()) as Record<string, unknown>;

    expect(discovery.issuer).toBe(identity.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.response_types_supported).toEqual(['code']);
    expect(discovery.revocation_endpoint).toBeTypeOf('string');
    expect(discovery.end_session_endpoint).toBeTypeOf('string');
    expect(discovery.backchannel_logout_supported).toBe(true);
  });

  it('refuses an authorization request without PKCE', async () => {
    const browser = new TestBrowser();
    const response = await browser.fetch(authorizationUrl({}));
    const location = new URL(response.headers.get('location') ?? '');

    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a redirect URI that is not registered exactly', async () => {
    const browser = new TestBrowser();
    for (const redirectUri of [
      `${appUrl}/api/auth/callback/iati/`,
      `${appUrl}/api/auth/callback/iati?x=1`,
      'https://evil.example/api/auth/callback/iati',
      `${appUrl}/api/auth/callback/tool`,
    ]) {
      const response = await browser.fetch(
        authorizationUrl({ challenge: createPkce().challenge, redirectUri }),
      );

      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('shows an accessible login page that cannot be framed', async () => {
    const browser = new TestBrowser();
    const first = await browser.fetch(
      authorizationUrl({ challenge: createPkce().challenge }),
    );
    const page = await browser.fetch(
      new URL(first.headers.get('location') ?? '', identity.url),
    );
    const html = await page.text();

    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('>Sign in</button>');
    expect(page.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'none'",
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const answers: string[] = [];
    for (const email of [personas.editor.email, 'nobody@nowhere.example']) {
      const browser = new TestBrowser();
      const first = await browser.fetch(
        authorizationUrl({ challenge: createPkce().challenge }),
      );
      const interaction = new URL(
        first.headers.get('location') ?? '',
        identity.url,
      );
      await browser.fetch(interaction);
      const response = await browser.fetch(
        new URL(`${interaction.pathname}/login`, identity.url),
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email, password: 'wrong-password' }),
        },
      );
      const html = await response.text();

      expect(response.status).toBe(401);
      answers.push(/role="alert"[^>]*>([^<]+)</.exec(html)?.[1] ?? '');
    }

    expect(answers[0]).toMatch(/email or password/i);
    expect(answers[1]).toBe(answers[0]);
  });

  it('issues JWT access tokens for RYD with the registry id, and a refresh token', async () => {
    const { tokens } = await signIn(personas.admin);

    expect(tokens.status).toBe(200);
    expect(tokens.body.refresh_token).toBeTypeOf('string');
    const header = decodeProtectedHeader(tokens.body.access_token ?? '');
    expect(header.typ).toBe('at+jwt');
    expect(header.alg).toBe('RS256');
    const jwks = createRemoteJWKSet(new URL(`${identity.url}/jwks`));
    const { payload } = await jwtVerify(tokens.body.access_token ?? '', jwks, {
      issuer: identity.issuer,
      audience: RYD_AUDIENCE,
      typ: 'at+jwt',
    });
    expect(payload.sub).toBe(personas.admin.sub);
    expect(payload.client_id).toBe(demoClients.web.clientId);
    expect(payload.iatiRegistryId).toBe(personas.admin.uid);
    expect(String(payload.scope).split(' ')).toEqual(
      expect.arrayContaining([
        'ryd',
        'ryd:reporting_org',
        'ryd:reporting_org:create',
        'ryd:dataset',
      ]),
    );
    expect(payload.exp! - payload.iat!).toBe(30);
    const idToken = decodeJwt(tokens.body.id_token ?? '');
    expect(idToken.roles).toEqual(personas.admin.identityRoles);
    expect(idToken.email).toBe(personas.admin.email);
    expect(idToken.sid).toBeTypeOf('string');
  });

  it('answers userinfo with the roles claim for a token without RYD scopes', async () => {
    const { tokens } = await signIn(
      personas.superadmin,
      new TestBrowser(),
      'openid profile email',
    );
    const userinfo = await fetch(`${identity.url}/me`, {
      headers: { authorization: `Bearer ${tokens.body.access_token}` },
    });

    expect(tokens.status).toBe(200);
    expect(userinfo.status).toBe(200);
    const claims = (await userinfo.json()) as Record<string, unknown>;
    expect(claims.sub).toBe(personas.superadmin.sub);
    expect(claims.roles).toEqual(personas.superadmin.identityRoles);
    expect(claims.roles).toContain('iati_superadmin');
    expect(claims.iatiRegistryId).toBe(personas.superadmin.uid);
  });

  it('refuses the RYD access token at userinfo, as it is for RYD only', async () => {
    const { tokens } = await signIn(personas.admin);
    const userinfo = await fetch(`${identity.url}/me`, {
      headers: { authorization: `Bearer ${tokens.body.access_token}` },
    });

    expect(userinfo.status).toBe(401);
  });

  it('withholds the create-organisation scope from people who may not create', async () => {
    const { tokens, sawConsent } = await signIn(personas.editor);
    const scopes = String(
      decodeJwt(tokens.body.access_token ?? '').scope,
    ).split(' ');

    expect(sawConsent).toBe(true);
    expect(scopes).toContain('ryd:reporting_org');
    expect(scopes).not.toContain('ryd:reporting_org:create');
  });

  it('accepts a code once only', async () => {
    const first = await signIn(personas.contributor);
    const replay = await tokenRequest({
      grant_type: 'authorization_code',
      code: first.code,
      redirect_uri: first.redirectUri,
      code_verifier: first.pkce.verifier,
    });

    expect(first.tokens.status).toBe(200);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
  });

  it('refuses a code with the wrong PKCE verifier', async () => {
    const browser = new TestBrowser();
    const pkce = createPkce();
    const redirectUri = `${appUrl}/api/auth/callback/iati`;
    const { callbackUrl } = await authorizeThroughPages({
      browser,
      authorizationUrl: authorizationUrl({ challenge: pkce.challenge }),
      redirectUri,
      persona: personas.newcomer,
    });
    const result = await tokenRequest({
      grant_type: 'authorization_code',
      code: callbackUrl.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: createPkce().verifier,
    });

    expect(result.body.error).toBe('invalid_grant');
  });

  it('rotates refresh tokens and refuses a used one', async () => {
    const { tokens } = await signIn(personas.pending);
    const first = tokens.body.refresh_token ?? '';
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first,
    });
    const reused = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first,
    });

    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first);
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('SR-15: a revoked refresh token no longer works', async () => {
    const { tokens } = await signIn(personas.toolAdmin);
    const revoked = await fetch(`${identity.url}/token/revocation`, {
      method: 'POST',
      headers: {
        authorization: basic(demoClients.web),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        token: tokens.body.refresh_token ?? '',
        token_type_hint: 'refresh_token',
      }),
    });
    const after = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token ?? '',
    });

    expect(revoked.status).toBe(200);
    expect(after.body.error).toBe('invalid_grant');
  });

  it('signs in to a second client without a password (SSO)', async () => {
    const first = await signIn(personas.admin);
    const pkce = createPkce();
    const redirectUri = `${appUrl}/api/auth/callback/tool`;
    const second = await authorizeThroughPages({
      browser: first.browser,
      authorizationUrl: authorizationUrl({
        challenge: pkce.challenge,
        clientId: demoClients.tool.clientId,
        redirectUri,
      }),
      redirectUri,
      persona: { email: '', password: '' },
    });

    expect(first.sawLoginForm).toBe(true);
    expect(second.sawLoginForm).toBe(false);
    expect(second.callbackUrl.searchParams.get('code')).toBeTruthy();
  });

  it('gives the machine client only its allowed scopes and the service account id', async () => {
    const allowed = await tokenRequest(
      {
        grant_type: 'client_credentials',
        scope: 'ryd ryd:reporting_org ryd:dataset',
      },
      demoClients.machine,
    );
    const payload = decodeJwt(allowed.body.access_token ?? '');
    const forbidden = await tokenRequest(
      {
        grant_type: 'client_credentials',
        scope: 'ryd ryd:reporting_org:user:update',
      },
      demoClients.machine,
    );

    expect(payload.iatiRegistryId).toBe(serviceAccount.uid);
    expect(payload.aud).toBe(RYD_AUDIENCE);
    expect(payload.client_id).toBe(demoClients.machine.clientId);
    expect(payload.scope).toBe('ryd ryd:reporting_org ryd:dataset');
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.error).toBe('invalid_scope');
  });

  it('gives the machine client its registered scopes when it names none, and RYD accepts the token', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials' },
      demoClients.machine,
    );
    const verify = createTokenVerifier({
      issuer: identity.issuer,
      audience: RYD_AUDIENCE,
      jwks: `${identity.url}/jwks`,
    });
    const principal = await verify(response.body.access_token ?? '');

    expect(response.status).toBe(200);
    expect(response.body.scope).toBe(MACHINE_SCOPES.join(' '));
    expect([...principal.scopes]).toEqual([...MACHINE_SCOPES]);
    expect(principal.uid).toBe(serviceAccount.uid);
  });

  it('ends the provider session and sends a back-channel logout token', async () => {
    const { tokens, browser } = await signIn(personas.superadmin);
    const endUrl = new URL(`${identity.url}/session/end`);
    endUrl.searchParams.set('id_token_hint', tokens.body.id_token ?? '');
    endUrl.searchParams.set('post_logout_redirect_uri', `${appUrl}/signed-out`);
    endUrl.searchParams.set('state', 'logout-state');
    const confirm = await browser.fetch(endUrl);
    const html = await confirm.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await browser.fetch(`${identity.url}/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    const location = new URL(done.headers.get('location') ?? '');

    expect(html).toContain('Yes, sign out');
    expect(location.href).toBe(`${appUrl}/signed-out?state=logout-state`);
    const logoutToken = await vi.waitFor(() => {
      const found = logoutTokens
        .map((token) => decodeJwt(token))
        .find((claims) => claims.sub === personas.superadmin.sub);
      if (!found) throw new Error('no logout token yet');

      return found;
    });
    expect(logoutToken.events).toHaveProperty([
      'http://schemas.openid.net/event/backchannel-logout',
    ]);
    expect(logoutToken.sid).toBe(decodeJwt(tokens.body.id_token ?? '').sid);
    const again = await signIn(personas.superadmin, browser);
    expect(again.sawLoginForm).toBe(true);
  });

  it('SR-05: rotates the signing key and keeps the old one published', async () => {
    const before = await signIn(personas.editor);
    const oldKid = decodeProtectedHeader(
      before.tokens.body.access_token ?? '',
    ).kid;
    const newKid = await identity.rotateKeys();
    const after = await signIn(personas.editor);
    const jwks = (await (await fetch(`${identity.url}/jwks`)).json()) as {
      keys: { kid: string }[];
    };

    expect(newKid).not.toBe(oldKid);
    expect(
      decodeProtectedHeader(after.tokens.body.access_token ?? '').kid,
    ).toBe(newKid);
    expect(jwks.keys.map((key) => key.kid)).toEqual(
      expect.arrayContaining([oldKid, newKid]),
    );
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: before.tokens.body.refresh_token ?? '',
    });
    expect(refreshed.body).toEqual(
      expect.objectContaining({ token_type: 'Bearer' }),
    );
  });

  it('keeps its signing keys across restarts', async () => {
    const jwksBefore = await (await fetch(`${identity.url}/jwks`)).text();
    const second = await start({
      port: 0,
      appUrl,
      dataDir,
      logLevel: 'silent',
    });
    const jwksAfter = await (await fetch(`${second.url}/jwks`)).text();
    await second.close();

    expect(jwksAfter).toBe(jwksBefore);
  });
});
