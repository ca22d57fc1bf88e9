/**
 * Idempotency-Key for create POSTs (Data safety §4): the key is claimed first
 * inside the create transaction, so a concurrent retry waits for the first
 * request and then replays its stored result instead of creating twice.
 */
import { createHash } from 'node:crypto';

import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';

import { RydError } from '@/lib/ryd/errors';

import type { AppEnv } from '../context';
import type { RydDb, RydTx } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { isUniqueViolation } from './rows';

export type CreateResult = {
  status: number;
  body: unknown;
  etag?: string;
};

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

function hashBody(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

async function findStored(
  db: RydDb,
  where: { actorUid: string; endpoint: string; key: string },
  requestHash: string,
): Promise<CreateResult | undefined> {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.actorUid, where.actorUid),
        eq(idempotencyKeys.endpoint, where.endpoint),
        eq(idempotencyKeys.key, where.key),
      ),
    );
  if (!stored) return undefined;
  if (stored.requestHash !== requestHash) {
    throw new RydError(
      'conflict',
      'This Idempotency-Key was already used for a different request. Use a new key.',
    );
  }
  const response = stored.response as { body: unknown; etag?: string };

  return { status: stored.status, body: response.body, etag: response.etag };
}

export async function withIdempotency(
  c: Context<AppEnv>,
  db: RydDb,
  endpoint: string,
  body: unknown,
  work: (tx: RydTx) => Promise<CreateResult>,
): Promise<CreateResult> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return db.transaction(work);
  if (!KEY_PATTERN.test(key)) {
    throw new RydError(
      'validation_error',
      "Data validation error: Field 'Idempotency-Key': Use 1 to 200 visible ASCII characters.",
    );
  }
  const where = { actorUid: c.get('principal').uid, endpoint, key };
  const requestHash = hashBody(body);
  const replay = await findStored(db, where, requestHash);
  if (replay) return replay;

  try {
    return await db.transaction(async (tx) => {
      await tx
        .insert(idempotencyKeys)
        .values({ ...where, requestHash, status: 0, response: {} });
      const result = await work(tx);
      await tx
        .update(idempotencyKeys)
        .set({
          status: result.status,
          response: { body: result.body, etag: result.etag },
        })
        .where(
          and(
            eq(idempotencyKeys.actorUid, where.actorUid),
            eq(idempotencyKeys.endpoint, where.endpoint),
            eq(idempotencyKeys.key, where.key),
          ),
        );

      return result;
    });
  } catch (error) {
    if (
      !isUniqueViolation(error, 'idempotency_keys_actor_uid_endpoint_key_pk')
    ) {
      throw error;
    }
    const stored = await findStored(db, where, requestHash);
    if (!stored) throw error;

    return stored;
  }
}
