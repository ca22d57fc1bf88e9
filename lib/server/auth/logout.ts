import 'server-only';
import { errors as joseErrors, jwtVerify } from 'jose';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import {
  basicAuth,
  CLOCK_TOLERANCE_SECONDS,
  getClientCredentials,
  getProviderKeys,
  getProviderMetadata,
} from './oidc';
import {
  deleteSessionsFor,
  rememberLogoutToken,
  type SessionRow,
} from './session-store';
import type { AuthClient } from './types';

const log = logger.child({ component: 'auth-logout' });

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** Revokes the session's refresh token at the provider (RFC 7009, SR-15). */
export async function revokeRefreshToken(row: SessionRow): Promise<boolean> {
  if (!row.refreshToken) return true;
  try {
    const { revocation_endpoint } = await getProviderMetadata();
    if (!revocation_endpoint) return false;
    const response = await fetch(revocation_endpoint, {
      method: 'POST',
      headers: {
        authorization: basicAuth(row.client),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        token: row.refreshToken,
        token_type_hint: 'refresh_token',
      }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) {
      log.warn(
        { event: 'revoke.failed', sub: row.sub, status: response.status },
        'revocation refused',
      );
    }

    return response.ok;
  } catch {
    log.warn(
      { event: 'revoke.failed', sub: row.sub },
      'identity service unreachable',
    );

    return false;
  }
}

/**
 * The provider's end-session URL for RP-initiated logout. The ID token hint
 * may have expired: the provider accepts that for logout.
 */
export async function buildEndSessionUrl(
  row: SessionRow | null,
  state: string,
): Promise<string | null> {
  const { end_session_endpoint } = await getProviderMetadata().catch(() => ({
    end_session_endpoint: undefined,
  }));
  if (!end_session_endpoint) return null;
  const url = new URL(end_session_endpoint);
  url.searchParams.set('post_logout_redirect_uri', `${env.APP_URL}/signed-out`);
  url.searchParams.set('state', state);
  url.searchParams.set(
    'client_id',
    getClientCredentials(row?.client ?? 'web').clientId,
  );
  if (row?.idToken) url.searchParams.set('id_token_hint', row.idToken);

  return url.href;
}

export type BackchannelResult =
  { ok: true; ended: number } | { ok: false; reason: string };

function clientsInAudience(aud: string | string[] | undefined): AuthClient[] {
  const audience = Array.isArray(aud) ? aud : aud ? [aud] : [];
  const clients: AuthClient[] = ['web', 'tool'];

  return clients.filter((client) =>
    audience.includes(getClientCredentials(client).clientId),
  );
}

/**
 * Validates a back-channel logout token (OIDC Back-Channel Logout 1.0 §2.6)
 * and ends the sessions it names. Nothing is ended for a bad token.
 */
export async function handleBackchannelLogout(
  logoutToken: string,
): Promise<BackchannelResult> {
  let payload;
  try {
    ({ payload } = await jwtVerify(logoutToken, await getProviderKeys(), {
      issuer: env.IDENTITY_ISSUER,
      audience: [
        getClientCredentials('web').clientId,
        getClientCredentials('tool').clientId,
      ],
      algorithms: ['RS256'],
      typ: 'logout+jwt',
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['iat', 'exp', 'jti', 'events'],
    }));
  } catch (error) {
    const reason =
      error instanceof joseErrors.JOSEError ? error.code : 'invalid token';

    return { ok: false, reason };
  }

  const events = payload.events;
  const event =
    events && typeof events === 'object'
      ? (events as Record<string, unknown>)[BACKCHANNEL_EVENT]
      : undefined;
  if (!event || typeof event !== 'object')
    return { ok: false, reason: 'missing logout event' };
  if ('nonce' in payload) return { ok: false, reason: 'nonce not allowed' };
  const sid =
    typeof payload.sid === 'string' && payload.sid ? payload.sid : undefined;
  const sub =
    typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined;
  if (!sid && !sub) return { ok: false, reason: 'neither sid nor sub' };
  const clients = clientsInAudience(payload.aud);
  if (!clients.length) return { ok: false, reason: 'unknown audience' };
  const jti = String(payload.jti);
  const expiresAt = new Date(
    (payload.exp ?? 0) * 1000 + CLOCK_TOLERANCE_SECONDS * 1000,
  );
  if (
    !(await rememberLogoutToken(`${env.IDENTITY_ISSUER} ${jti}`, expiresAt))
  ) {
    return { ok: false, reason: 'replayed jti' };
  }

  let ended = 0;
  for (const client of clients) {
    ended += await deleteSessionsFor({
      iss: env.IDENTITY_ISSUER,
      client,
      providerSid: sid,
      sub,
    });
  }
  log.info({ event: 'backchannel.logout', sub, ended }, 'back-channel logout');

  return { ok: true, ended };
}
