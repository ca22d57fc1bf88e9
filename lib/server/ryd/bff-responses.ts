import 'server-only';
import type { z } from 'zod';
import { FAILURE_MESSAGES, FAILURE_STATUS } from '@/lib/query/failures';
import type { Failure, FailureBody } from '@/lib/query/failures';
import { logger } from '@/lib/server/logger';
import { isRydRequestError } from './errors';

const log = logger.child({ component: 'bff' });

export function jsonData<T>(data: T, etag?: string | null): Response {
  return Response.json(
    { data, etag: etag ?? null },
    { headers: { 'cache-control': 'no-store' } },
  );
}

export function jsonFailure(
  failure: Failure,
  field?: string,
  reason?: string,
): Response {
  const body: FailureBody = {
    error: { failure, message: FAILURE_MESSAGES[failure], field, reason },
  };

  return Response.json(body, {
    status: FAILURE_STATUS[failure],
    headers: { 'cache-control': 'no-store' },
  });
}

/** Turns anything a RYD call threw into the browser's failure answer. */
export function failureResponse(error: unknown): Response {
  if (isRydRequestError(error)) return jsonFailure(error.failure, error.field);

  log.error(
    { err: error instanceof Error ? error.name : 'unknown' },
    'unexpected error in a BFF route',
  );

  return jsonFailure('unavailable');
}

export type ParsedBody<T> =
  { ok: true; data: T } | { ok: false; response: Response };

/** Parses a JSON request body with the shared schema the server also uses. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<ParsedBody<z.infer<S>>> {
  const raw = (await request.json().catch(() => undefined)) as unknown;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };

  const first = parsed.error.issues[0]?.path[0];

  return {
    ok: false,
    response: jsonFailure(
      'validation',
      typeof first === 'string' ? first : undefined,
    ),
  };
}

/** The If-Match header, required for every change the web app sends. */
export function readIfMatch(request: Request): string | null {
  const value = request.headers.get('if-match');

  return value && value.length <= 200 ? value : null;
}
