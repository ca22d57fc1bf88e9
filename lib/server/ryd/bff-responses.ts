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

/** The most a BFF route reads of a request body: RYD's own limit. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The body as text, or null once it passes `MAX_BODY_BYTES`. Counted while
 * reading and the rest cancelled, so a huge body costs no more memory than
 * the limit; a Content-Length over it is refused without reading at all.
 */
async function readLimitedText(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) return null;
  if (!request.body) return '';

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_BODY_BYTES) {
      await reader.cancel();

      return null;
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a JSON request body with the shared schema the server also uses,
 * after checking its size (413 `too_large`).
 */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<ParsedBody<z.infer<S>>> {
  const text = await readLimitedText(request).catch(() => '');
  if (text === null) return { ok: false, response: jsonFailure('too_large') };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
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
