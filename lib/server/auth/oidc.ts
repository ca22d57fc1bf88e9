import 'server-only';
import {
  createRemoteJWKSet,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { env } from '@/lib/server/env';
import type { AuthClient } from './types';

/** next-auth provider ids for the two registered clients. */
export const PROVIDER_IDS: Record<AuthClient, string> = {
  web: 'iati',
  tool: 'tool',
};

export function clientForProvider(providerId: string): AuthClient | null {
  if (providerId === PROVIDER_IDS.web) return 'web';
  if (providerId === PROVIDER_IDS.tool) return 'tool';

  return null;
}

export function getClientCredentials(client: AuthClient) {
  return client === 'web'
    ? {
        clientId: env.IDENTITY_WEB_CLIENT_ID,
        clientSecret: env.IDENTITY_WEB_CLIENT_SECRET,
      }
    : {
        clientId: env.IDENTITY_TOOL_CLIENT_ID,
        clientSecret: env.IDENTITY_TOOL_CLIENT_SECRET,
      };
}

const metadataSchema = z.object({
  issuer: z.string(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  revocation_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
});
export type ProviderMetadata = z.infer<typeof metadataSchema>;

let metadata: Promise<ProviderMetadata> | undefined;
let jwks: JWTVerifyGetKey | undefined;

/** The provider's discovery document, fetched once per process. */
export function getProviderMetadata(): Promise<ProviderMetadata> {
  metadata ??= (async () => {
    const response = await fetch(
      `${env.IDENTITY_ISSUER}/.well-known/openid-configuration`,
      { signal: AbortSignal.timeout(5000) },
    );
    if (!response.ok) throw new Error(`discovery failed: ${response.status}`);
    const parsed = metadataSchema.parse(await response.json());
    if (parsed.issuer !== env.IDENTITY_ISSUER) {
      throw new Error('discovery issuer does not match IDENTITY_ISSUER');
    }

    return parsed;
  })().catch((error: unknown) => {
    metadata = undefined;
    throw error;
  });

  return metadata;
}

/**
 * The provider's keys. An unknown `kid` refetches them (after a short
 * cooldown), so a rotated signing key needs no restart (SR-05).
 */
export async function getProviderKeys(): Promise<JWTVerifyGetKey> {
  if (jwks) return jwks;
  const { jwks_uri } = await getProviderMetadata();
  jwks = createRemoteJWKSet(new URL(jwks_uri), {
    cooldownDuration: 5_000,
    cacheMaxAge: 10 * 60_000,
  });

  return jwks;
}

/** Clock skew accepted on tokens from the provider (SR-20). */
export const CLOCK_TOLERANCE_SECONDS = 30;

export function basicAuth(client: AuthClient): string {
  const { clientId, clientSecret } = getClientCredentials(client);
  const encode = (value: string) => encodeURIComponent(value);

  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/**
 * Verifies an ID token from a refresh response: same issuer and subject as
 * at sign-in (OIDC Core §12.2), audience this client (SR-04).
 */
export async function verifyRefreshedIdToken(
  idToken: string,
  expected: { client: AuthClient; sub: string },
): Promise<JWTPayload> {
  const { payload } = await jwtVerify(idToken, await getProviderKeys(), {
    issuer: env.IDENTITY_ISSUER,
    audience: getClientCredentials(expected.client).clientId,
    algorithms: ['RS256'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['sub', 'iat', 'exp'],
  });
  if (payload.sub !== expected.sub)
    throw new Error('subject changed on refresh');

  return payload;
}
