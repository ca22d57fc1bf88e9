import 'server-only';
import { decodeJwt, type JWTPayload } from 'jose';
import type { AuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { custom, errors as oidcErrors } from 'openid-client';
import { z } from 'zod';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { authCookies, useSecureCookies } from './cookies';
import {
  CLOCK_TOLERANCE_SECONDS,
  clientForProvider,
  getClientCredentials,
  PROVIDER_IDS,
} from './oidc';
import { toSafeCallbackPath } from './safe-url';
import { findMissingScopes, parseScopes, REQUESTED_SCOPES } from './scopes';
import { createSession, findActiveSession } from './session-store';
import type { AuthClient } from './types';

const log = logger.child({ component: 'auth' });

const idClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  iat: z.number(),
  sid: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).optional(),
  role: z.array(z.string()).optional(),
  iatiRegistryId: z.string().optional(),
});
type IdClaims = z.infer<typeof idClaimsSchema>;

/**
 * How far back an ID token fresh from the code exchange may be dated: the
 * clock tolerance plus the exchange's own timeout.
 */
const ID_TOKEN_MAX_AGE_SECONDS = CLOCK_TOLERANCE_SECONDS + 10;

/** Where a sign-in refused for a clock difference lands (SR-20). */
const CLOCK_SKEW_ERROR = 'ClockSkew';

/**
 * Whether an ID token just issued in the code exchange is dated within the
 * clock tolerance of now. openid-client checks `exp` and `nbf` only, so a
 * provider clock far ahead, or far behind with a long token lifetime, would
 * otherwise pass (SR-20).
 */
export function isIssuedNow(iat: number, now = Date.now() / 1000): boolean {
  return (
    iat <= now + CLOCK_TOLERANCE_SECONDS &&
    iat >= now - ID_TOKEN_MAX_AGE_SECONDS
  );
}

function isClockError(error: unknown): boolean {
  return (
    error instanceof oidcErrors.RPError &&
    typeof (error as { tolerance?: unknown }).tolerance === 'number'
  );
}

function oidcProvider(client: AuthClient): OAuthConfig<IdClaims> {
  const { clientId, clientSecret } = getClientCredentials(client);

  return {
    id: PROVIDER_IDS[client],
    name: client === 'web' ? 'IATI' : 'Demo Publishing Tool',
    type: 'oauth',
    wellKnown: `${env.IDENTITY_ISSUER}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: {
      params: {
        scope: REQUESTED_SCOPES.join(' '),
        // SR-12: a provider session older than the app's absolute session
        // lifetime asks for the password again, so a sign-in never carries
        // an older authentication into a new app session.
        max_age: env.SESSION_ABSOLUTE_LIFETIME,
      },
    },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    token: {
      // next-auth fixes openid-client's clock tolerance at 10 s; the code
      // exchange runs here so the app's own tolerance applies (SR-20). The
      // call is the one next-auth makes: state, PKCE, nonce and the ID
      // token's signature and claims are all checked (SR-03, SR-04).
      async request({ client, params, checks, provider }) {
        // A second copy of openid-client would have its own symbol: the
        // library's 10 s would then apply, stricter but worth knowing.
        if (
          !Object.getOwnPropertySymbols(client).includes(custom.clock_tolerance)
        ) {
          log.warn(
            { event: 'signin.clock_tolerance_unset' },
            'clock tolerance not applied',
          );
        }
        client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS;
        try {
          return {
            tokens: await client.callback(provider.callbackUrl, params, checks),
          };
        } catch (error) {
          if (isClockError(error)) {
            log.warn(
              { event: 'signin.clock_skew', reason: (error as Error).message },
              'ID token refused: the provider clock differs from ours',
            );
          }
          throw error;
        }
      },
    },
    client: {
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    httpOptions: { timeout: 10_000 },
    profile(profile) {
      return {
        id: profile.sub,
        name: profile.name ?? null,
        email: profile.email ?? null,
      };
    },
  };
}

function registryIdOf(
  accessClaims: JWTPayload,
  idClaims: IdClaims,
): string | undefined {
  const fromAccess = accessClaims.iatiRegistryId;

  return typeof fromAccess === 'string' ? fromAccess : idClaims.iatiRegistryId;
}

export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  providers: [oidcProvider('web'), oidcProvider('tool')],
  session: { strategy: 'jwt', maxAge: env.SESSION_ABSOLUTE_LIFETIME },
  useSecureCookies,
  cookies: authCookies,
  pages: { signIn: '/', error: '/', signOut: '/' },
  callbacks: {
    async signIn({ account, profile }) {
      const claims = idClaimsSchema.safeParse(profile);
      if (!account?.access_token || !claims.success) return false;
      if (claims.data.iss !== env.IDENTITY_ISSUER) return false;
      if (!isIssuedNow(claims.data.iat)) {
        log.warn(
          {
            event: 'signin.clock_skew',
            sub: claims.data.sub,
            iat: claims.data.iat,
          },
          'ID token refused: the provider clock differs from ours',
        );

        return `${env.APP_URL}/?error=${CLOCK_SKEW_ERROR}`;
      }
      try {
        const accessClaims = decodeJwt(account.access_token);

        return Boolean(registryIdOf(accessClaims, claims.data));
      } catch {
        return false;
      }
    },
    async jwt({ token, account, profile }) {
      if (account) {
        const client = clientForProvider(account.provider);
        const claims = idClaimsSchema.parse(profile);
        if (!client || !account.access_token)
          throw new Error('unexpected sign-in');
        const accessClaims = decodeJwt(account.access_token);
        const granted = [
          ...new Set([
            ...parseScopes(account.scope),
            ...parseScopes(accessClaims.scope),
          ]),
        ];
        const expiresAt =
          typeof account.expires_at === 'number'
            ? account.expires_at
            : (accessClaims.exp ?? Math.floor(Date.now() / 1000) + 60);
        const sid = await createSession({
          iss: claims.iss,
          sub: claims.sub,
          client,
          providerSid: claims.sid ?? null,
          profile: {
            name: claims.name ?? claims.email ?? claims.sub,
            email: claims.email ?? '',
            uid: registryIdOf(accessClaims, claims) ?? '',
            identityRoles: claims.roles ?? claims.role ?? [],
          },
          requestedScopes: REQUESTED_SCOPES,
          grantedScopes: granted,
          accessToken: account.access_token,
          accessTokenExpiresAt: new Date(expiresAt * 1000),
          refreshToken: account.refresh_token ?? null,
          idToken: account.id_token ?? null,
        });
        log.info(
          {
            event: 'login',
            sub: claims.sub,
            client,
            missingScopes: findMissingScopes(granted),
          },
          'signed in',
        );

        return { sid };
      }
      // Every later use must still name a live server-side session (SR-13).
      const sid = typeof token.sid === 'string' ? token.sid : '';
      if (!sid || !(await findActiveSession(sid)))
        throw new Error('session ended');

      return { sid };
    },
    async session({ session, token }) {
      const row =
        typeof token.sid === 'string'
          ? await findActiveSession(token.sid)
          : null;

      // Only what the page may show: never a token (SR-01).
      return {
        expires: session.expires,
        user: row
          ? { name: row.profile.name, email: row.profile.email }
          : undefined,
      };
    },
    async redirect({ url }) {
      return `${env.APP_URL}${toSafeCallbackPath(url, env.appOrigin)}`;
    },
  },
  logger: {
    error: (code) =>
      log.warn({ event: 'next-auth.error', code }, 'next-auth error'),
    warn: (code) =>
      log.debug({ event: 'next-auth.warn', code }, 'next-auth warning'),
    debug: () => undefined,
  },
};
