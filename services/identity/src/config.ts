import type {
  ClientMetadata,
  Configuration,
  KoaContextWithOIDC,
} from 'oidc-provider';
import { errors } from 'oidc-provider';
import { demoClients, RYD_AUDIENCE } from '@/lib/demo/personas';
import { RYD_SCOPES } from '@/lib/ryd/scopes';
import { findPersonaBySub, MACHINE_SCOPES, registryIdFor } from './accounts';
import { escapeHtml, renderLogout, renderMessage, renderPage } from './pages';
import type { SigningKeys } from './keys';

/**
 * The resource indicator of RYD. Tokens for it carry the RYD audience; the
 * indicator itself is only a name, because clients never send `resource`.
 */
export const RYD_RESOURCE = 'urn:iati:register-your-data';

export type Lifetimes = {
  accessToken: number;
  idToken: number;
  refreshToken: number;
  session: number;
};

export type ConfigOptions = {
  appUrl: string;
  adapter: NonNullable<Configuration['adapter']>;
  keys: SigningKeys;
  cookieKeys: string[];
  ttl: Lifetimes;
};

/** Redirect targets of the web app, which signs in through both clients. */
/** Whether a requested scope string names RYD, or names nothing. */
function asksForRyd(scope: unknown): boolean {
  if (typeof scope !== 'string' || scope.trim() === '') return true;

  return scope
    .split(' ')
    .some((item) => item === 'ryd' || item.startsWith('ryd:'));
}

/**
 * A client-credentials request without `scope` gets the client's registered
 * scopes (RFC 6749 §3.3 lets the server apply a default). oidc-provider would
 * issue a RYD token with no scope at all, which RYD refuses on every route.
 * It has no setting for a default, and defaultResource is the one hook its
 * grant calls before it reads the requested scope, so the default is set
 * there.
 */
function applyDefaultClientScope(
  ctx: KoaContextWithOIDC,
  client: { scope?: string | undefined },
): void {
  const params = ctx.oidc.params;
  if (params?.grant_type !== 'client_credentials' || params.scope) return;
  if (client.scope) params.scope = client.scope;
}

export function appRedirects(appUrl: string) {
  const base = appUrl.replace(/\/+$/, '');

  return {
    web: `${base}/api/auth/callback/iati`,
    tool: `${base}/api/auth/callback/tool`,
    backchannelLogout: `${base}/api/auth/backchannel-logout`,
    postLogout: `${base}/signed-out`,
  };
}

function appClient(
  client: { clientId: string; clientSecret: string },
  name: string,
  redirectUri: string,
  appUrl: string,
): ClientMetadata {
  const urls = appRedirects(appUrl);

  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    client_name: name,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [urls.postLogout],
    backchannel_logout_uri: urls.backchannelLogout,
    backchannel_logout_session_required: true,
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' {app}; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function securityHeaders(appUrl: string): Record<string, string> {
  const appOrigin = new URL(appUrl).origin;

  return Object.fromEntries(
    Object.entries(SECURITY_HEADERS).map(([name, value]) => [
      name,
      value.replace('{app}', appOrigin),
    ]),
  );
}

function clientName(ctx: KoaContextWithOIDC): string | undefined {
  return ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
}

export function buildConfiguration(options: ConfigOptions): Configuration {
  const { ttl, appUrl } = options;
  const urls = appRedirects(appUrl);

  return {
    clients: [
      appClient(demoClients.web, 'IATI Account', urls.web, appUrl),
      appClient(demoClients.tool, 'Demo Publishing Tool', urls.tool, appUrl),
      {
        client_id: demoClients.machine.clientId,
        client_secret: demoClients.machine.clientSecret,
        client_name: 'Demo Integration Service',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: MACHINE_SCOPES.join(' '),
      },
    ],
    adapter: options.adapter,
    responseTypes: ['code'],
    // The provider refuses to call loopback addresses by default; this dev
    // provider sends back-channel logout only to the registered local app.
    fetch: (url, init) => {
      const { dispatcher: _ssrfGuard, ...rest } = init as RequestInit & {
        dispatcher?: unknown;
      };

      return globalThis.fetch(url, rest);
    },
    jwks: { keys: options.keys },
    cookies: { keys: options.cookieKeys },
    scopes: ['openid', 'offline_access', 'profile', 'email', ...RYD_SCOPES],
    claims: {
      openid: ['sub'],
      profile: ['name', 'roles', 'iatiRegistryId'],
      email: ['email', 'email_verified'],
    },
    // The app reads the profile from the ID token: its access token is for
    // RYD, so userinfo would refuse it. A client that asks for no RYD scope
    // gets a userinfo token instead, and userinfo carries the same claims.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const persona = findPersonaBySub(sub);
      if (!persona) return undefined;

      return {
        accountId: persona.sub,
        async claims() {
          return {
            sub: persona.sub,
            name: persona.name,
            email: persona.email,
            email_verified: true,
            roles: persona.identityRoles,
            iatiRegistryId: persona.uid,
          };
        },
      };
    },
    async extraTokenClaims(_ctx, token) {
      const iatiRegistryId = registryIdFor({
        accountId: 'accountId' in token ? token.accountId : undefined,
        clientId: token.clientId,
      });

      return iatiRegistryId ? { iatiRegistryId } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: {
        enabled: true,
        // A client may revoke only the tokens issued to it.
        allowedPolicy: async (_ctx, client, token) =>
          token.clientId === client.clientId,
      },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = renderLogout(form, clientName(ctx));
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = renderMessage(
            'Signed out',
            'You are signed out of IATI. You can close this window.',
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        // RYD is the default audience when the request asks for a RYD scope,
        // or names no scope (client credentials); otherwise the access token
        // is for userinfo.
        defaultResource: (ctx, client) => {
          applyDefaultClientScope(ctx, client);

          return asksForRyd(ctx.oidc.params?.scope) ? RYD_RESOURCE : undefined;
        },
        useGrantedResource: () => true,
        async getResourceServerInfo(_ctx, indicator, client) {
          if (indicator !== RYD_RESOURCE) throw new errors.InvalidTarget();
          const isMachine = client.clientId === demoClients.machine.clientId;

          return {
            scope: (isMachine ? MACHINE_SCOPES : RYD_SCOPES).join(' '),
            audience: RYD_AUDIENCE,
            accessTokenTTL: ttl.accessToken,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    pkce: { required: () => true },
    // Refresh tokens do not depend on `offline_access` (which needs
    // prompt=consent); without it they end with the provider session, so an
    // app session cannot outlive the sign-in it came from.
    issueRefreshToken: async (_ctx, client) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ttl.accessToken,
      ClientCredentials: ttl.accessToken,
      AuthorizationCode: 60,
      IdToken: ttl.idToken,
      RefreshToken: ttl.refreshToken,
      Session: ttl.session,
      Grant: Math.max(ttl.session, ttl.refreshToken),
      Interaction: 10 * 60,
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      const detail = Object.values(out)
        .map((value) => `<p>${escapeHtml(String(value))}</p>`)
        .join('');
      ctx.body = renderPage(
        'Something went wrong',
        `<h1>Sign-in could not continue</h1>${detail}<p>Go back to the application and start again.</p>`,
      );
    },
  };
}
