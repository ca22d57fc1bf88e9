import { createHash, randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

/**
 * What the fake provider does to the next ID token it signs. Everything is
 * correct unless a fault says otherwise.
 */
export type IdTokenFault = {
  /** Claims to add or overwrite (`iss`, `aud`, `nonce`, ...). */
  claims?: Record<string, unknown>;
  /** Claims to leave out. */
  omit?: string[];
  /** `none` sends an unsigned token; `foreign-key` signs with a key not in the JWKS. */
  signing?: 'good' | 'none' | 'foreign-key' | 'hs256-client-secret';
  /** The provider's clock runs this many seconds ahead (negative: behind). */
  clockOffsetSeconds?: number;
  /** Adds `nbf` equal to the (skewed) `iat`, as some providers do. */
  withNbf?: boolean;
};

export type FakeOpAccount = {
  sub: string;
  name: string;
  email: string;
  iatiRegistryId: string;
};

type PendingCode = {
  clientId: string;
  redirectUri: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  account: FakeOpAccount;
};

export type FakeOp = {
  issuer: string;
  /** The fault applied to ID tokens from now on. */
  setFault(fault: IdTokenFault): void;
  /**
   * Plays the provider's authorization endpoint: takes the URL the app sent
   * the browser to and returns the redirect back to the app with a code.
   */
  authorize(authorizationUrl: string, account: FakeOpAccount): URL;
  /** Successful code exchanges so far. */
  tokenGrants(): number;
  close(): Promise<void>;
};

type Client = { clientId: string; clientSecret: string };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

function basicCredentials(header: string | undefined): Client | null {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const [id, secret] = Buffer.from(match[1], 'base64').toString().split(':');
  if (id === undefined || secret === undefined) return null;

  return {
    clientId: decodeURIComponent(id),
    clientSecret: decodeURIComponent(secret),
  };
}

const unsignedJwt = (payload: JWTPayload) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
    JSON.stringify(payload),
  ).toString('base64url')}.`;

/**
 * A small OpenID provider for relying-party fault tests: discovery, JWKS and
 * a token endpoint that signs ID tokens as the current fault says. It checks
 * client authentication and PKCE like a real provider, so a good sign-in
 * works end to end.
 */
export async function startFakeOp(options: {
  clients: Client[];
  idTokenTtl?: number;
}): Promise<FakeOp> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const kid = `fake-${randomBytes(4).toString('hex')}`;
  const publicJwk: JWK = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: 'RS256',
    use: 'sig',
  };
  const codes = new Map<string, PendingCode>();
  const idTokenTtl = options.idTokenTtl ?? 300;
  let fault: IdTokenFault = {};
  let grants = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendJson(res, 500, { error: 'server_error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function sign(payload: JWTPayload, client: Client): Promise<string> {
    const signing = fault.signing ?? 'good';
    if (signing === 'none') return unsignedJwt(payload);
    if (signing === 'hs256-client-secret') {
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(client.clientSecret));
    }
    const key: CryptoKey =
      signing === 'foreign-key' ? foreign.privateKey : privateKey;

    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .sign(key);
  }

  async function tokenResponse(pending: PendingCode, client: Client) {
    const now = Math.floor(Date.now() / 1000) + (fault.clockOffsetSeconds ?? 0);
    const idClaims: Record<string, unknown> = {
      iss: issuer,
      aud: client.clientId,
      sub: pending.account.sub,
      iat: now,
      exp: now + idTokenTtl,
      sid: `sid-${randomBytes(6).toString('hex')}`,
      name: pending.account.name,
      email: pending.account.email,
      iatiRegistryId: pending.account.iatiRegistryId,
      ...(fault.withNbf ? { nbf: now } : {}),
      ...(pending.nonce === undefined ? {} : { nonce: pending.nonce }),
      ...fault.claims,
    };
    for (const name of fault.omit ?? []) delete idClaims[name];
    // The access token is for the API; only the ID token carries faults.
    const accessToken = await new SignJWT({
      scope: 'ryd',
      client_id: client.clientId,
      iatiRegistryId: pending.account.iatiRegistryId,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setSubject(pending.account.sub)
      .setAudience('api')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);

    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: randomBytes(24).toString('base64url'),
      scope: 'openid profile email ryd',
      id_token: await sign(idClaims as JWTPayload, client),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', issuer);
    if (pathname === '/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/session/end`,
        revocation_endpoint: `${issuer}/revoke`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (pathname === '/jwks') return sendJson(res, 200, { keys: [publicJwk] });
    if (pathname === '/revoke') return sendJson(res, 200, {});
    if (pathname !== '/token' || req.method !== 'POST') {
      return sendJson(res, 404, { error: 'not_found' });
    }

    const form = new URLSearchParams(await readBody(req));
    const given = basicCredentials(req.headers.authorization);
    const client = options.clients.find(
      (candidate) =>
        candidate.clientId === given?.clientId &&
        candidate.clientSecret === given.clientSecret,
    );
    if (!client) return sendJson(res, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    // Codes are single-use.
    codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !pending ||
      pending.clientId !== client.clientId ||
      pending.redirectUri !== form.get('redirect_uri') ||
      pending.codeChallenge !== challenge
    ) {
      return sendJson(res, 400, { error: 'invalid_grant' });
    }
    grants += 1;

    return sendJson(res, 200, await tokenResponse(pending, client));
  }

  return {
    issuer,
    setFault(next) {
      fault = next;
    },
    authorize(authorizationUrl, account) {
      const url = new URL(authorizationUrl);
      const params = url.searchParams;
      const redirectUri = params.get('redirect_uri') ?? '';
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        clientId: params.get('client_id') ?? '',
        redirectUri,
        nonce: params.get('nonce') ?? undefined,
        codeChallenge: params.get('code_challenge') ?? undefined,
        account,
      });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      const state = params.get('state');
      if (state) back.searchParams.set('state', state);

      return back;
    },
    tokenGrants: () => grants,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
