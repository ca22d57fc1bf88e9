import { timingSafeEqual, createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Provider from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { buildConfiguration, securityHeaders, type Lifetimes } from './config';
import { handleInteraction } from './interactions';
import {
  loadCookieKeys,
  loadSigningKeys,
  rotateSigningKeys,
  type SigningKeys,
} from './keys';
import { createLogger } from './logger';

export type StartOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Defaults to `http://localhost:<port>`. */
  issuer?: string;
  /** The web app's base URL: redirect and logout URIs are built from it. */
  appUrl: string;
  /** The data root; signing keys live in `<dataDir>/identity`. */
  dataDir: string;
  ttl?: Partial<Lifetimes>;
  /** Enables `POST /admin/rotate-keys` for this bearer token. */
  adminToken?: string;
  logLevel?: string;
};

export type IdentityServer = {
  url: string;
  issuer: string;
  close(): Promise<void>;
  /** Adds a signing key, signs with it from now on, keeps the old published. */
  rotateKeys(): Promise<string>;
  /** How many successful token grants of a type were served. */
  countGrants(grantType: string): number;
};

const DEFAULT_TTL: Lifetimes = {
  accessToken: 300,
  idToken: 600,
  refreshToken: 8 * 60 * 60,
  session: 8 * 60 * 60,
};

function sameSecret(given: string, expected: string): boolean {
  const hash = (value: string) => createHash('sha256').update(value).digest();

  return timingSafeEqual(hash(given), hash(expected));
}

function listen(server: http.Server, port: number, host?: string) {
  return new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function start(options: StartOptions): Promise<IdentityServer> {
  const logger = createLogger(options.logLevel ?? 'info');
  const keyDir = path.join(options.dataDir, 'identity');
  const ttl: Lifetimes = { ...DEFAULT_TTL, ...options.ttl };
  const cookieKeys = await loadCookieKeys(keyDir);
  const headers = securityHeaders(options.appUrl);
  const grantCounts = new Map<string, number>();
  // One store for every provider instance of this server, so rotating keys
  // (which builds a new instance) keeps sessions, grants and tokens.
  const adapter = createMemoryAdapter(15);

  let provider: Provider | undefined;
  let handleProvider: ReturnType<Provider['callback']> | undefined;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      res.end('Internal error');
    });
  });
  const address = await listen(server, options.port ?? 0, options.host);
  const url = `http://localhost:${address.port}`;
  const issuer = (options.issuer ?? url).replace(/\/+$/, '');

  function installKeys(keys: SigningKeys): void {
    const next = new Provider(
      issuer,
      buildConfiguration({
        appUrl: options.appUrl,
        adapter,
        keys,
        cookieKeys,
        ttl,
      }),
    );
    next.on('grant.success', (ctx) => {
      const grantType = String(ctx.oidc.params?.grant_type ?? 'unknown');
      grantCounts.set(grantType, (grantCounts.get(grantType) ?? 0) + 1);
    });
    next.on('grant.error', (ctx, error) => {
      logger.warn(
        {
          event: 'grant.error',
          client: ctx.oidc.client?.clientId,
          error: error.message,
        },
        'token request refused',
      );
    });
    next.on('server_error', (_ctx, error) => {
      logger.error({ err: error }, 'provider error');
    });
    next.on('backchannel.error', (_ctx, error, client) => {
      logger.warn(
        {
          event: 'backchannel.error',
          client: client.clientId,
          error: error.message,
        },
        'back-channel logout failed',
      );
    });
    provider = next;
    handleProvider = next.callback();
  }

  installKeys(await loadSigningKeys(keyDir));

  async function rotateKeys(): Promise<string> {
    const keys = await rotateSigningKeys(keyDir);
    // Sessions, grants and tokens live in the adapter's shared store, so a
    // new provider instance keeps every signed-in user.
    installKeys(keys);
    logger.info(
      { event: 'keys.rotated', kid: keys[0]?.kid },
      'signing key rotated',
    );

    return String(keys[0]?.kid);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    for (const [name, value] of Object.entries(headers))
      res.setHeader(name, value);
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');

    if (pathname.startsWith('/interaction/')) {
      return handleInteraction(
        { getProvider: () => provider as Provider, logger },
        req,
        res,
        pathname,
      );
    }

    if (pathname === '/admin/rotate-keys' && options.adminToken) {
      const given = (req.headers.authorization ?? '').replace(/^Bearer /i, '');
      if (req.method !== 'POST' || !sameSecret(given, options.adminToken)) {
        res.statusCode = 403;

        return res.end();
      }
      const kid = await rotateKeys();
      res.setHeader('content-type', 'application/json');

      return res.end(JSON.stringify({ kid }));
    }

    return handleProvider?.(req, res);
  }

  logger.info({ issuer, port: address.port }, 'identity service listening');

  return {
    url,
    issuer,
    rotateKeys,
    countGrants: (grantType) => grantCounts.get(grantType) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
