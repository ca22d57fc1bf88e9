import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { demoClients, type Persona } from '@/lib/demo/personas';
import { start, type IdentityServer } from '@/services/identity/src/server';
import {
  authorizeThroughPages,
  createPkce,
  TestBrowser,
} from '@/services/identity/src/testing/test-browser';

export type AuthTestStack = {
  identity: IdentityServer;
  appUrl: string;
  dataDir: string;
  /** Logout tokens the identity service posted to the app. */
  logoutTokens: string[];
  close(): Promise<void>;
};

/**
 * Starts the identity service in-process with a stand-in for the web app
 * (which collects back-channel logout tokens) and points the web app's
 * settings at them. Import web modules only after this.
 */
export async function startAuthTestStack(
  accessTokenTtl = 20,
): Promise<AuthTestStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'web-auth-test-'));
  const logoutTokens: string[] = [];
  const app: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('logout_token');
      if (token) logoutTokens.push(token);
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, resolve));
  const appUrl = `http://localhost:${(app.address() as AddressInfo).port}`;
  const identity = await start({
    port: 0,
    appUrl,
    dataDir,
    logLevel: 'silent',
    ttl: { accessToken: accessTokenTtl },
  });
  Object.assign(process.env, {
    APP_URL: appUrl,
    IDENTITY_ISSUER: identity.issuer,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NEXTAUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
  });

  return {
    identity,
    appUrl,
    dataDir,
    logoutTokens,
    close: async () => {
      await identity.close();
      await new Promise((resolve) => app.close(resolve));
    },
  };
}

export type TokenSet = {
  access_token: string;
  refresh_token?: string;
  id_token: string;
  expires_in: number;
  scope?: string;
  token_type: string;
};

/** Signs a persona in through the pages and exchanges the code. */
export async function signInThroughProvider(
  stack: AuthTestStack,
  persona: Persona,
  options: { client?: 'web' | 'tool'; browser?: TestBrowser; scope: string },
) {
  const client = options.client ?? 'web';
  const credentials = demoClients[client];
  const browser = options.browser ?? new TestBrowser();
  const pkce = createPkce();
  const redirectUri = `${stack.appUrl}/api/auth/callback/${client === 'web' ? 'iati' : 'tool'}`;
  const url = new URL(`${stack.identity.url}/auth`);
  url.search = new URLSearchParams({
    client_id: credentials.clientId,
    response_type: 'code',
    scope: options.scope,
    redirect_uri: redirectUri,
    state: 'state',
    nonce: 'nonce',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  }).toString();
  const { callbackUrl } = await authorizeThroughPages({
    browser,
    authorizationUrl: url,
    redirectUri,
    persona,
  });
  const response = await fetch(`${stack.identity.url}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callbackUrl.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
    }),
  });
  const tokens = (await response.json()) as TokenSet;

  return { tokens, idClaims: decodeJwt(tokens.id_token), browser, client };
}
