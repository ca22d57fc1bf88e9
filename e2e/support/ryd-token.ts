import { createHash, randomBytes } from 'node:crypto';

import { demoClients, personas, type PersonaKey } from '@/lib/demo/personas';
import { RYD_SCOPES } from '@/lib/ryd/scopes';

import { getE2eEnv, type E2eEnv } from './env';

export type RydTokens = {
  accessToken: string;
  refreshToken: string | undefined;
  idToken: string | undefined;
  /** The scopes the identity service granted, which may be fewer. */
  scope: string;
  expiresIn: number;
};

type ClientKey = 'web' | 'tool';

type GetRydTokenOptions = {
  /** Which registered client signs in; the tool's for provider-admin tests. */
  client?: ClientKey;
  /** Scopes to ask for; by default every RYD scope. */
  scopes?: readonly string[];
  /** Another stack than the one global setup started (the real-data suite). */
  stack?: StackAddresses;
};

type StackAddresses = Pick<E2eEnv, 'appUrl' | 'identityUrl'>;

// The identity service registers exactly these redirect URIs for the web
// app's two clients (services/identity/src/config.ts, appRedirects).
const CALLBACK_PATHS: Record<ClientKey, string> = {
  web: '/api/auth/callback/iati',
  tool: '/api/auth/callback/tool',
};
const MAX_STEPS = 20;

type Discovery = { authorization_endpoint: string; token_endpoint: string };

/**
 * Signs a persona in to the identity service from Node, as the web app would
 * (authorization code flow with PKCE: log-in form, then consent), and returns
 * the tokens, so a test can call RYD directly, for instance to show that the
 * API refuses an action the UI hides.
 */
export async function getRydTokens(
  persona: PersonaKey,
  options: GetRydTokenOptions = {},
): Promise<RydTokens> {
  const env = options.stack ?? getE2eEnv();
  const clientKey = options.client ?? 'web';
  const client = demoClients[clientKey];
  const redirectUri = `${env.appUrl}${CALLBACK_PATHS[clientKey]}`;
  const discovery = await getDiscovery(env.identityUrl);

  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: [
      'openid',
      'profile',
      'email',
      ...(options.scopes ?? RYD_SCOPES),
    ].join(' '),
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();

  const callback = await runBrowserlessSignIn({
    start: authorize.toString(),
    redirectUri,
    persona,
  });
  if (callback.searchParams.get('state') !== state) {
    throw new Error('The identity service returned a different state');
  }
  const code = callback.searchParams.get('code');
  if (!code) {
    throw new Error(
      `Sign-in as ${persona} ended without a code: ${callback.searchParams.get('error_description') ?? callback.searchParams.get('error') ?? callback.toString()}`,
    );
  }

  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: basicAuth(client.clientId, client.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });

  return readTokenResponse(response, `sign-in as ${persona}`);
}

/** Just the access token: `getRydAccessToken('contributor')`. */
export async function getRydAccessToken(
  persona: PersonaKey,
  options: GetRydTokenOptions = {},
): Promise<string> {
  return (await getRydTokens(persona, options)).accessToken;
}

/** A token of the machine-to-machine client (client credentials grant). */
export async function getMachineAccessToken(
  options: { scopes?: readonly string[]; stack?: StackAddresses } = {},
): Promise<string> {
  const { scopes } = options;
  const env = options.stack ?? getE2eEnv();
  const discovery = await getDiscovery(env.identityUrl);
  const client = demoClients.machine;
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scopes) body.set('scope', scopes.join(' '));
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: basicAuth(client.clientId, client.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  });

  return (await readTokenResponse(response, 'client credentials grant'))
    .accessToken;
}

/**
 * Follows redirects by hand with a small cookie jar, fills the log-in form
 * with the persona's email and password and submits the consent form, until
 * the identity service redirects to the app's callback.
 */
async function runBrowserlessSignIn(options: {
  start: string;
  redirectUri: string;
  persona: PersonaKey;
}): Promise<URL> {
  const jar = new Map<string, string>();
  const { email, password } = personas[options.persona];
  let request: { url: string; init: RequestInit } = {
    url: options.start,
    init: { method: 'GET' },
  };
  let loginAttempts = 0;

  for (let step = 0; step < MAX_STEPS; step++) {
    const response = await fetch(request.url, {
      ...request.init,
      redirect: 'manual',
      headers: {
        ...(request.init.headers as Record<string, string> | undefined),
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    storeCookies(jar, response);

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, request.url);
      if (next.toString().startsWith(options.redirectUri)) return next;
      request = { url: next.toString(), init: { method: 'GET' } };
      continue;
    }

    const html = await response.text();
    const form = parseFirstForm(html, request.url);
    if (!form) {
      throw new Error(
        `Sign-in as ${options.persona} stopped at ${request.url} (HTTP ${response.status}) with no form to submit`,
      );
    }
    if ('password' in form.fields) {
      loginAttempts += 1;
      if (loginAttempts > 1) {
        throw new Error(
          `The identity service refused ${email} and its demo password`,
        );
      }
      form.fields.email = email;
      form.fields.password = password;
    }
    request = {
      url: form.action,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form.fields).toString(),
      },
    };
  }

  throw new Error(
    `Sign-in as ${options.persona} took more than ${MAX_STEPS} steps`,
  );
}

/** Action and named inputs of the page's first form (its default button). */
function parseFirstForm(
  html: string,
  pageUrl: string,
): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const action = readAttribute(form[1] ?? '', 'action') ?? pageUrl;
  const fields: Record<string, string> = {};
  for (const input of (form[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
    const name = readAttribute(input[1] ?? '', 'name');
    if (name) fields[name] = readAttribute(input[1] ?? '', 'value') ?? '';
  }

  return {
    action: new URL(decodeEntities(action), pageUrl).toString(),
    fields,
  };
}

function readAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag);

  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** All cookies come from the one identity host, so path and domain matter not. */
function storeCookies(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator < 1) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const isExpired = attributes.some((attribute) =>
      /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
    );
    if (isExpired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

async function getDiscovery(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`Identity discovery answered HTTP ${response.status}`);
  }

  return (await response.json()) as Discovery;
}

async function readTokenResponse(
  response: Response,
  what: string,
): Promise<RydTokens> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new Error(
      `The token endpoint refused the ${what}: HTTP ${response.status} ${String(body.error ?? '')} ${String(body.error_description ?? '')}`.trim(),
    );
  }

  return {
    accessToken: body.access_token,
    refreshToken:
      typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    idToken: typeof body.id_token === 'string' ? body.id_token : undefined,
    scope: typeof body.scope === 'string' ? body.scope : '',
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 0,
  };
}

function basicAuth(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value);

  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}
