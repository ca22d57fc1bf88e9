/**
 * A local token issuer for RYD tests: RSA signing keys served as a JWKS over
 * HTTP on a free port (so key rotation works as with the identity service),
 * and a minting function for any user, client and scope set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';

import {
  demoClients,
  personas,
  RYD_AUDIENCE,
  type PersonaKey,
} from '@/lib/demo/personas';
import { RYD_SCOPES } from '@/lib/ryd/scopes';

export const TEST_ISSUER = 'http://identity.test';
export const ALL_SCOPES = ['openid', ...RYD_SCOPES].join(' ');

type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    extractable: true,
  });
  const publicJwk = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: 'RS256',
    use: 'sig',
  };

  return { kid, privateKey, publicJwk };
}

export type MintOptions = {
  persona?: PersonaKey;
  /** The iatiRegistryId claim; defaults to the persona's uid. */
  uid?: string;
  clientId?: string;
  scope?: string;
  /** Claims to add or override; `undefined` values remove a claim. */
  claims?: Record<string, unknown>;
  typ?: string;
  issuer?: string;
  audience?: string | string[];
  /** Absolute expiry (epoch seconds); default now + 300 s. */
  expiresAt?: number;
  key?: SigningKey;
};

export type TestIssuer = {
  issuer: string;
  jwksUrl: string;
  currentKey: SigningKey;
  /** Replaces the published key set (key rotation). */
  publish(keys: SigningKey[]): void;
  /** Makes the JWKS endpoint fail (identity service down). */
  setAvailable(available: boolean): void;
  mint(options?: MintOptions): Promise<string>;
  close(): Promise<void>;
};

export async function startTestIssuer(): Promise<TestIssuer> {
  let published: SigningKey[] = [await createSigningKey('key-1')];
  let available = true;
  const server = http.createServer((request, response) => {
    if (!available || request.url !== '/jwks') {
      response.writeHead(available ? 404 : 503).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const issuer: TestIssuer = {
    issuer: TEST_ISSUER,
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    get currentKey() {
      const [first] = published;
      if (!first) throw new Error('no key published');

      return first;
    },
    publish(keys) {
      published = keys;
    },
    setAvailable(value) {
      available = value;
    },
    async mint(options = {}) {
      const persona = personas[options.persona ?? 'admin'];
      const payload: JWTPayload = {
        sub: persona.sub,
        client_id: options.clientId ?? demoClients.web.clientId,
        iatiRegistryId: options.uid ?? persona.uid,
        scope: options.scope ?? ALL_SCOPES,
      };
      for (const [name, value] of Object.entries(options.claims ?? {})) {
        if (value === undefined) delete payload[name];
        else payload[name] = value;
      }
      const key = options.key ?? issuer.currentKey;

      return new SignJWT(payload)
        .setProtectedHeader({
          alg: 'RS256',
          kid: key.kid,
          typ: options.typ ?? 'at+jwt',
        })
        .setIssuer(options.issuer ?? TEST_ISSUER)
        .setAudience(options.audience ?? RYD_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(
          options.expiresAt ?? Math.floor(Date.now() / 1000) + 300,
        )
        .sign(key.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  return issuer;
}
