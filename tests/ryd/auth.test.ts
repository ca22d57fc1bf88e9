/**
 * SR-21 (token rejection), SR-22 (missing scope), SR-05 (key rotation without
 * restart), SR-20 (clock tolerance) and fail-closed JWKS behaviour.
 */
import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoClients, personas } from '@/lib/demo/personas';

import {
  errorCodeOf,
  startRydForTest,
  type RydTestContext,
} from '../support/ryd-server';
import { ALL_SCOPES, createSigningKey } from '../support/ryd-tokens';

let ctx: RydTestContext;

beforeAll(async () => {
  ctx = await startRydForTest();
});

afterAll(async () => {
  await ctx?.stop();
});

const base64url = (value: string | Buffer) =>
  Buffer.from(value).toString('base64url');

function decodePart(token: string, index: number): Record<string, unknown> {
  const part = token.split('.')[index] ?? '';

  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

const now = () => Math.floor(Date.now() / 1000);

type TokenCase = {
  name: string;
  header?: () => Promise<string | undefined>;
};

const bearer = async (token: Promise<string>) => `Bearer ${await token}`;

const rejected: TokenCase[] = [
  { name: 'missing Authorization header', header: async () => undefined },
  {
    name: 'not a bearer scheme',
    header: async () => `Basic ${base64url('a:b')}`,
  },
  { name: 'malformed token', header: async () => 'Bearer not.a.jwt' },
  {
    name: 'bad signature (signed by a key with the published kid)',
    header: async () => {
      const impostor = await createSigningKey('key-1');

      return bearer(ctx.issuer.mint({ key: impostor }));
    },
  },
  {
    name: 'alg none',
    header: async () => {
      const valid = await ctx.issuer.mint();
      const payload = decodePart(valid, 1);
      const header = { alg: 'none', typ: 'at+jwt', kid: 'key-1' };

      return `Bearer ${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.`;
    },
  },
  {
    name: 'HS256 signed with the public key as the secret',
    header: async () => {
      const valid = await ctx.issuer.mint();
      const payload = decodePart(valid, 1);
      const header = { alg: 'HS256', typ: 'at+jwt', kid: 'key-1' };
      const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
      const secret = JSON.stringify(ctx.issuer.currentKey.publicJwk);
      const signature = createHmac('sha256', secret)
        .update(signingInput)
        .digest('base64url');

      return `Bearer ${signingInput}.${signature}`;
    },
  },
  {
    name: 'unknown kid',
    header: async () =>
      bearer(
        ctx.issuer.mint({ key: await createSigningKey('never-published') }),
      ),
  },
  {
    name: 'wrong iss',
    header: async () => bearer(ctx.issuer.mint({ issuer: 'http://evil.test' })),
  },
  {
    name: 'wrong aud',
    header: async () => bearer(ctx.issuer.mint({ audience: 'some_other_api' })),
  },
  {
    name: 'ID token (typ JWT)',
    header: async () => bearer(ctx.issuer.mint({ typ: 'JWT' })),
  },
  {
    name: 'expired beyond tolerance',
    header: async () => bearer(ctx.issuer.mint({ expiresAt: now() - 120 })),
  },
  {
    name: 'nbf in the future',
    header: async () =>
      bearer(ctx.issuer.mint({ claims: { nbf: now() + 600 } })),
  },
  {
    name: 'missing sub',
    header: async () => bearer(ctx.issuer.mint({ claims: { sub: undefined } })),
  },
  {
    name: 'missing client_id',
    header: async () =>
      bearer(ctx.issuer.mint({ claims: { client_id: undefined } })),
  },
  {
    name: 'missing iatiRegistryId',
    header: async () =>
      bearer(ctx.issuer.mint({ claims: { iatiRegistryId: undefined } })),
  },
  {
    name: 'iatiRegistryId that is not a UUID',
    header: async () => bearer(ctx.issuer.mint({ uid: 'not-a-uuid' })),
  },
  {
    name: 'missing scope',
    header: async () =>
      bearer(ctx.issuer.mint({ claims: { scope: undefined } })),
  },
];

describe('SR-21 access tokens the API refuses with 401 invalid_token', () => {
  it.each(rejected)('$name', async ({ header }) => {
    const value = await header?.();
    const response = await ctx.call('GET', '/reporting-orgs', {
      as: null,
      headers: value ? { authorization: value } : {},
    });

    expect(response.status).toBe(401);
    expect(errorCodeOf(response.body)).toBe('invalid_token');
  });

  it('accepts a valid token, also with typ application/at+jwt', async () => {
    const plain = await ctx.call('GET', '/access-check');
    const long = await ctx.call('GET', '/access-check', {
      tokenOptions: { typ: 'application/at+jwt' },
    });

    expect(plain.status).toBe(200);
    expect(long.status).toBe(200);
  });

  it('SR-20: accepts a token that expired within the 30 s clock tolerance', async () => {
    const response = await ctx.call('GET', '/access-check', {
      tokenOptions: { expiresAt: now() - 10 },
    });

    expect(response.status).toBe(200);
  });

  it('accepts an audience list that contains the RYD audience', async () => {
    const response = await ctx.call('GET', '/access-check', {
      tokenOptions: { audience: ['other', 'iati_register_your_data'] },
    });

    expect(response.status).toBe(200);
  });
});

describe('SR-22 missing scope', () => {
  it('is a 403 insufficient_scope', async () => {
    const response = await ctx.call('GET', '/reporting-orgs', {
      tokenOptions: { scope: 'openid ryd' },
    });

    expect(response.status).toBe(403);
    expect(errorCodeOf(response.body)).toBe('insufficient_scope');
  });

  it('needs every listed scope of the endpoint (AND)', async () => {
    const scope = ALL_SCOPES.replace(' ryd:reporting_org:delete', '');
    const response = await ctx.call(
      'DELETE',
      `/reporting-orgs/${crypto.randomUUID()}`,
      {
        tokenOptions: { scope },
      },
    );

    expect(response.status).toBe(403);
    expect(errorCodeOf(response.body)).toBe('insufficient_scope');
  });
});

describe('SR-05 signing key rotation', () => {
  it('picks up a new kid without a restart, and stops accepting a withdrawn key', async () => {
    const oldKey = ctx.issuer.currentKey;
    const before = await ctx.call('GET', '/access-check');
    expect(before.status).toBe(200);

    const newKey = await createSigningKey('key-2');
    ctx.issuer.publish([newKey]);
    const withNewKey = await ctx.call('GET', '/access-check', {
      tokenOptions: { key: newKey },
    });
    expect(withNewKey.status).toBe(200);

    // The old kid is now unknown to the JWKS: a fresh token signed with it fails.
    const withOldKey = await ctx.call('GET', '/access-check', {
      tokenOptions: { key: oldKey, claims: { jti: 'after-rotation' } },
    });
    expect(withOldKey.status).toBe(401);
    ctx.issuer.publish([oldKey]);
  });

  it('fails closed when the JWKS cannot be fetched', async () => {
    ctx.issuer.setAvailable(false);
    try {
      const response = await ctx.call('GET', '/access-check', {
        tokenOptions: { key: await createSigningKey('key-3') },
      });

      expect([401, 503]).toContain(response.status);
    } finally {
      ctx.issuer.setAvailable(true);
    }
  });
});

describe('who the token names', () => {
  it('uses iatiRegistryId (not sub) as the user', async () => {
    const response = await ctx.call(
      'GET',
      `/users/${personas.editor.uid}/roles`,
      {
        tokenOptions: {
          uid: personas.editor.uid,
          claims: { sub: 'someone-else' },
        },
        client: 'web',
      },
    );

    expect(response.status).toBe(200);
    expect(demoClients.web.clientId).toBe('iati-account-web');
  });
});
