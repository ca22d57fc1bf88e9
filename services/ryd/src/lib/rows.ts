import type { SQL } from 'drizzle-orm';

import type { RydExecutor } from '../db/client';

/**
 * Runs raw SQL and returns its rows: PGlite answers `{ rows }`, postgres-js
 * an array, and drizzle passes either through from `execute`.
 */
export async function queryRows<T>(db: RydExecutor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];

  return (result as { rows: T[] }).rows;
}

/** PostgreSQL unique_violation, optionally for one constraint. */
export function isUniqueViolation(
  error: unknown,
  constraint?: string,
): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const candidate = current as {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
      cause?: unknown;
    };
    if (candidate.code === '23505') {
      const name = candidate.constraint ?? candidate.constraint_name;

      return constraint === undefined || name === constraint;
    }
    current = candidate.cause;
  }

  return false;
}
