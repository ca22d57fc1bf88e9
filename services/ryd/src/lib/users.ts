import { sql } from 'drizzle-orm';

import type { Principal } from '../auth/verify-token';
import type { RydExecutor } from '../db/client';
import { users } from '../db/schema';

/**
 * Makes sure the caller has a user record. RYD users come from the identity
 * service; the token's optional `name`/`email` claims fill a new record.
 */
export async function ensureUser(
  db: RydExecutor,
  principal: Principal,
): Promise<{ name: string; email: string }> {
  const [row] = await db
    .insert(users)
    .values({
      id: principal.uid,
      name: principal.name ?? '',
      email: principal.email ?? '',
    })
    .onConflictDoUpdate({
      target: users.id,
      // A no-op update so that RETURNING yields the stored row.
      set: { id: sql`excluded.id` },
    })
    .returning({ name: users.name, email: users.email });

  return row ?? { name: '', email: '' };
}
