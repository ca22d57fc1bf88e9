/**
 * The browser's only way to the registry: JSON calls to the web app's own
 * route handlers under /api/bff, which hold the token and call RYD.
 */
import { FAILURE_MESSAGES, isFailure } from './failures';
import type { Failure, FailureBody } from './failures';

export class BffError extends Error {
  readonly failure: Failure;
  readonly field: string | undefined;
  /** The rule that refused the request, when the route handler named one. */
  readonly reason: string | undefined;

  constructor(failure: Failure, field?: string, reason?: string) {
    super(FAILURE_MESSAGES[failure]);
    this.name = 'BffError';
    this.failure = failure;
    this.field = field;
    this.reason = reason;
  }
}

export type BffSuccess<T> = { data: T; etag?: string | null };

type BffRequest = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string | null;
  signal?: AbortSignal;
};

function readFailure(body: unknown, status: number): BffError {
  const error = (body as Partial<FailureBody> | null)?.error;
  if (error && isFailure(error.failure)) {
    return new BffError(
      error.failure,
      error.field,
      typeof error.reason === 'string' ? error.reason : undefined,
    );
  }

  return new BffError(status === 401 ? 'unauthenticated' : 'unavailable');
}

export async function callBff<T>(
  path: string,
  { method = 'GET', body, ifMatch, signal }: BffRequest = {},
): Promise<BffSuccess<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch) headers['if-match'] = ifMatch;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new BffError('unavailable');
  }

  const parsed = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw readFailure(parsed, response.status);

  return parsed as BffSuccess<T>;
}

export function buildQueryString(
  values: Record<string, string | number | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();

  return text ? `?${text}` : '';
}
