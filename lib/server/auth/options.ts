import 'server-only';
import { decodeJwt, type JWTPayload } from 'jose';
import type { AuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { z } from 'zod';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { authCookies, useSecureCookies } from './cookies';
import {
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
  sid: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).optional(),
  role: z.array(z.string()).optional(),
  iatiRegistryId: z.string().optional(),
});
type IdClaims = z.infer<typeof idClaimsSchema>;

function oidcProvider(client: AuthClient): OAuthConfig<IdClaims> {
  const { clientId, clientSecret } = getClientCredentials(client);

  return {
    id: PROVIDER_IDS[client],
    name: client === 'web' ? 'IATI' : 'Demo Publishing Tool',
    type: 'oauth',
    wellKnown: `${env.IDENTITY_ISSUER}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: REQUESTED_SCOPES.join(' ') } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    client: {
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    httpOptions: { timeout: 10_000 },
    profile(profile) {
      return { id: profile.sub, name: profile.name ?? null, email: profile.email ?? null };
    },
  };
}

function registryIdOf(accessClaims: JWTPayload, idClaims: IdClaims): string | undefined {
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
        if (!client || !account.access_token) throw new Error('unexpected sign-in');
        const accessClaims = decodeJwt(account.access_token);
        const granted = [
          ...new Set([...parseScopes(account.scope), ...parseScopes(accessClaims.scope)]),
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
      if (!sid || !(await findActiveSession(sid))) throw new Error('session ended');

      return { sid };
    },
    async session({ session, token }) {
      const row = typeof token.sid === 'string' ? await findActiveSession(token.sid) : null;

      // Only what the page may show: never a token (SR-01).
      return {
        expires: session.expires,
        user: row ? { name: row.profile.name, email: row.profile.email } : undefined,
      };
    },
    async redirect({ url }) {
      return `${env.APP_URL}${toSafeCallbackPath(url, env.appOrigin)}`;
    },
  },
  logger: {
    error: (code) => log.warn({ event: 'next-auth.error', code }, 'next-auth error'),
    warn: (code) => log.debug({ event: 'next-auth.warn', code }, 'next-auth warning'),
    debug: () => undefined,
  },
};
