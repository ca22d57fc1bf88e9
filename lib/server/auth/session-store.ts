import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/server/db/client';
import {
  sessions,
  usedLogoutTokens,
  users,
  type SessionProfile,
} from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import type { AppSession, AuthClient } from './types';
import { findMissingScopes } from './scopes';

export type SessionRow = typeof sessions.$inferSelect;

/** Writing `last_seen_at` at most this often keeps reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

export type NewSession = {
  iss: string;
  sub: string;
  client: AuthClient;
  providerSid: string | null;
  profile: SessionProfile;
  requestedScopes: string[];
  grantedScopes: string[];
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string | null;
  idToken: string | null;
};

export async function createSession(input: NewSession): Promise<string> {
  const db = await getDb();
  const id = randomBytes(32).toString('base64url');
  const now = new Date();
  await db
    .insert(users)
    .values({
      iss: input.iss,
      sub: input.sub,
      email: input.profile.email,
      name: input.profile.name,
      registryId: input.profile.uid,
      lastSignInAt: now,
    })
    .onConflictDoUpdate({
      target: [users.iss, users.sub],
      set: {
        email: input.profile.email,
        name: input.profile.name,
        registryId: input.profile.uid,
        lastSignInAt: now,
      },
    });
  await db.insert(sessions).values({
    id,
    ...input,
    tokensUpdatedAt: now,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + env.SESSION_ABSOLUTE_LIFETIME * 1000),
  });

  return id;
}

export async function readSessionRow(id: string): Promise<SessionRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));

  return row ?? null;
}

/**
 * The session if it is still alive: not past its absolute end, and used
 * within the idle timeout (SR-12). A dead one is deleted.
 */
export async function findActiveSession(
  id: string,
): Promise<SessionRow | null> {
  const row = await readSessionRow(id);
  if (!row) return null;
  const now = Date.now();
  const idleSince = now - row.lastSeenAt.getTime();
  if (
    row.expiresAt.getTime() <= now ||
    idleSince > env.SESSION_IDLE_TIMEOUT * 1000
  ) {
    await deleteSession(id);

    return null;
  }
  if (idleSince > TOUCH_INTERVAL_MS) {
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }

  return row;
}

export async function deleteSession(id: string): Promise<SessionRow | null> {
  const db = await getDb();
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.id, id))
    .returning();

  return row ?? null;
}

/** Ends the sessions a back-channel logout names; returns how many. */
export async function deleteSessionsFor(match: {
  iss: string;
  client: AuthClient;
  providerSid?: string;
  sub?: string;
}): Promise<number> {
  const db = await getDb();
  const conditions = [
    eq(sessions.iss, match.iss),
    eq(sessions.client, match.client),
  ];
  if (match.providerSid)
    conditions.push(eq(sessions.providerSid, match.providerSid));
  if (match.sub) conditions.push(eq(sessions.sub, match.sub));
  if (!match.providerSid && !match.sub) return 0;
  const deleted = await db
    .delete(sessions)
    .where(and(...conditions))
    .returning({ id: sessions.id });

  return deleted.length;
}

/** Records a logout token id; false when it was seen before (replay). */
export async function rememberLogoutToken(
  jti: string,
  expiresAt: Date,
): Promise<boolean> {
  const db = await getDb();
  await db
    .delete(usedLogoutTokens)
    .where(lt(usedLogoutTokens.expiresAt, sql`now()`));
  const inserted = await db
    .insert(usedLogoutTokens)
    .values({ jti, expiresAt })
    .onConflictDoNothing()
    .returning({ jti: usedLogoutTokens.jti });

  return inserted.length === 1;
}

export function toAppSession(row: SessionRow): AppSession {
  return {
    id: row.id,
    user: {
      sub: row.sub,
      iss: row.iss,
      uid: row.profile.uid,
      name: row.profile.name,
      email: row.profile.email,
      identityRoles: row.profile.identityRoles,
    },
    grantedScopes: row.grantedScopes,
    missingScopes: findMissingScopes(row.grantedScopes),
    client: row.client,
  };
}
