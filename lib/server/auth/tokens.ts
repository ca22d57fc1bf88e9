import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { getDb } from '@/lib/server/db/client';
import { sessions } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
import { basicAuth, getProviderMetadata, verifyRefreshedIdToken } from './oidc';
import { parseScopes } from './scopes';
import {
  deleteSession,
  readSessionRow,
  type SessionRow,
} from './session-store';
import { SessionEndedError, type AppSession } from './types';

const log = logger.child({ component: 'auth-tokens' });

/** How long one process may hold the refresh of a session. */
const LEASE_MS = 30_000;
/** A forced refresh right after another one reuses its result. */
const FRESH_ENOUGH_MS = 5_000;
const WAIT_STEP_MS = 50;

/**
 * Refresh starts this long before expiry: max(60 s, 10% of the lifetime)
 * (SR-08), but never more than half the lifetime, so short test lifetimes
 * still use each token for a while.
 */
export function refreshBuffer(lifetimeMs: number): number {
  return Math.min(Math.max(60_000, lifetimeMs * 0.1), lifetimeMs / 2);
}

export function needsRefresh(row: SessionRow, now = Date.now()): boolean {
  const expiresAt = row.accessTokenExpiresAt.getTime();
  const lifetime = expiresAt - row.tokensUpdatedAt.getTime();

  return expiresAt - now <= refreshBuffer(Math.max(lifetime, 0));
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

/** Refreshes in flight in this process, one per session. */
const inFlight = new Map<string, Promise<string>>();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function endSession(row: SessionRow, reason: string): Promise<never> {
  await deleteSession(row.id);
  log.warn(
    { event: 'refresh.failed', sub: row.sub, client: row.client, reason },
    'session ended',
  );
  throw new SessionEndedError(
    'refresh_failed',
    'Your session has ended. Sign in again.',
  );
}

/** Takes the refresh lease with a compare-and-set on the row's version. */
async function takeLease(row: SessionRow): Promise<boolean> {
  const db = await getDb();
  const taken = await db
    .update(sessions)
    .set({ refreshLeaseUntil: new Date(Date.now() + LEASE_MS) })
    .where(
      and(
        eq(sessions.id, row.id),
        eq(sessions.version, row.version),
        or(
          isNull(sessions.refreshLeaseUntil),
          lt(sessions.refreshLeaseUntil, sql`now()`),
        ),
      ),
    )
    .returning({ id: sessions.id });

  return taken.length === 1;
}

async function releaseLease(row: SessionRow): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ refreshLeaseUntil: null })
    .where(and(eq(sessions.id, row.id), eq(sessions.version, row.version)));
}

type Outcome =
  | { kind: 'ok'; body: z.infer<typeof tokenResponseSchema> }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unavailable'; reason: string };

async function requestRefresh(row: SessionRow): Promise<Outcome> {
  try {
    const { token_endpoint } = await getProviderMetadata();
    const response = await fetch(token_endpoint, {
      method: 'POST',
      headers: {
        authorization: basicAuth(row.client),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: row.refreshToken ?? '',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status >= 500)
      return { kind: 'unavailable', reason: `status ${response.status}` };
    if (!response.ok) {
      const error = z.object({ error: z.string() }).safeParse(body);

      return {
        kind: 'rejected',
        reason: error.success ? error.data.error : `status ${response.status}`,
      };
    }
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success)
      return { kind: 'rejected', reason: 'malformed token response' };

    return { kind: 'ok', body: parsed.data };
  } catch {
    return { kind: 'unavailable', reason: 'identity service unreachable' };
  }
}

async function refreshWithLease(row: SessionRow): Promise<string> {
  const outcome = row.refreshToken
    ? await requestRefresh(row)
    : ({ kind: 'rejected', reason: 'no refresh token' } as const);

  if (outcome.kind === 'unavailable') {
    // The current token still works for a while: keep the session.
    if (row.accessTokenExpiresAt.getTime() - Date.now() > FRESH_ENOUGH_MS) {
      await releaseLease(row);
      log.warn(
        { event: 'refresh.deferred', sub: row.sub, reason: outcome.reason },
        'refresh deferred',
      );

      return row.accessToken;
    }

    return endSession(row, outcome.reason);
  }
  if (outcome.kind === 'rejected') return endSession(row, outcome.reason);

  const { body } = outcome;
  if (body.id_token) {
    try {
      await verifyRefreshedIdToken(body.id_token, {
        client: row.client,
        sub: row.sub,
      });
    } catch {
      return endSession(row, 'invalid id token on refresh');
    }
  }
  const claims = decodeJwt(body.access_token);
  const granted = parseScopes(body.scope ?? claims.scope);
  const now = new Date();
  const db = await getDb();
  const saved = await db
    .update(sessions)
    .set({
      accessToken: body.access_token,
      accessTokenExpiresAt: new Date(now.getTime() + body.expires_in * 1000),
      // The rotated refresh token must be saved (SR-10).
      refreshToken: body.refresh_token ?? row.refreshToken,
      idToken: body.id_token ?? row.idToken,
      grantedScopes: granted.length ? granted : row.grantedScopes,
      tokensUpdatedAt: now,
      version: row.version + 1,
      refreshLeaseUntil: null,
    })
    .where(and(eq(sessions.id, row.id), eq(sessions.version, row.version)))
    .returning({ id: sessions.id });
  if (saved.length !== 1) {
    throw new SessionEndedError(
      'session_expired',
      'Your session has ended. Sign in again.',
    );
  }
  log.debug(
    { event: 'refresh.done', sub: row.sub, client: row.client },
    'tokens refreshed',
  );

  return body.access_token;
}

async function refresh(sessionId: string, force: boolean): Promise<string> {
  const deadline = Date.now() + LEASE_MS + 5_000;
  for (;;) {
    const row = await readSessionRow(sessionId);
    if (!row)
      throw new SessionEndedError(
        'session_expired',
        'Your session has ended. Sign in again.',
      );
    const justRefreshed =
      Date.now() - row.tokensUpdatedAt.getTime() < FRESH_ENOUGH_MS;
    if (!needsRefresh(row) && (!force || justRefreshed)) return row.accessToken;
    if (await takeLease(row)) return refreshWithLease(row);
    // Another process is refreshing this session: wait for its result.
    if (Date.now() > deadline) {
      throw new SessionEndedError(
        'refresh_failed',
        'Your session could not be renewed. Sign in again.',
      );
    }
    await pause(WAIT_STEP_MS);
    force = false;
  }
}

/**
 * A valid RYD access token for the session. Refreshes before expiry, one
 * refresh at a time per session across requests and processes (SR-09).
 * Throws SessionEndedError when the session is over.
 */
export async function getAccessToken(
  session: Pick<AppSession, 'id'>,
  options: { forceRefresh?: boolean } = {},
): Promise<string> {
  const row = await readSessionRow(session.id);
  if (!row)
    throw new SessionEndedError(
      'session_expired',
      'Your session has ended. Sign in again.',
    );
  if (!options.forceRefresh && !needsRefresh(row)) return row.accessToken;

  let pending = inFlight.get(session.id);
  if (!pending) {
    pending = refresh(session.id, options.forceRefresh ?? false).finally(() => {
      inFlight.delete(session.id);
    });
    inFlight.set(session.id, pending);
  }

  return pending;
}
