import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/lib/server/db/client';
import { userPreferences, type LastDataset } from '@/lib/server/db/schema';
import type { AppSession } from './types';

const lastDatasetSchema = z.object({
  did: z.uuid(),
  name: z.string().min(1).max(500),
  oid: z.uuid(),
});

/** Remembers the dataset the person last worked on ("continue where you left off"). */
export async function setLastDataset(
  session: Pick<AppSession, 'user'>,
  dataset: LastDataset,
): Promise<void> {
  const value = lastDatasetSchema.parse(dataset);
  const db = await getDb();
  const now = new Date();
  await db
    .insert(userPreferences)
    .values({
      iss: session.user.iss,
      sub: session.user.sub,
      lastDataset: value,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [userPreferences.iss, userPreferences.sub],
      set: { lastDataset: value, updatedAt: now },
    });
}

export async function getLastDataset(
  session: Pick<AppSession, 'user'>,
): Promise<LastDataset | null> {
  const db = await getDb();
  const [row] = await db
    .select({ lastDataset: userPreferences.lastDataset })
    .from(userPreferences)
    .where(
      and(
        eq(userPreferences.iss, session.user.iss),
        eq(userPreferences.sub, session.user.sub),
      ),
    );
  const parsed = lastDatasetSchema.safeParse(row?.lastDataset);

  return parsed.success ? parsed.data : null;
}

/** Forgets a dataset that no longer exists or is no longer reachable. */
export async function clearLastDataset(
  session: Pick<AppSession, 'user'>,
): Promise<void> {
  const db = await getDb();
  await db
    .update(userPreferences)
    .set({ lastDataset: null, updatedAt: new Date() })
    .where(
      and(
        eq(userPreferences.iss, session.user.iss),
        eq(userPreferences.sub, session.user.sub),
      ),
    );
}
