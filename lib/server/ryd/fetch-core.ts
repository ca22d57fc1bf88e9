/**
 * The part of the RYD client that needs neither the session nor the
 * environment, so that envelope parsing, the one retry after a 401 and the
 * error mapping are tested on their own.
 */
import type { z } from 'zod';
import { errorEnvelopeSchema, paginationSchema } from '@/lib/ryd/schemas';
import type { Pagination } from '@/lib/ryd/schemas';
import {
  RydRequestError,
  findFieldInMessage,
  getFailureForStatus,
} from './errors';

export type QueryValue = string | number | undefined | null;

export type RydRequest = {
  path: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The ETag the change is based on (optimistic concurrency). */
  ifMatch?: string | null;
};

export type RydResult<T> = {
  data: T;
  etag: string | null;
  pagination: Pagination | null;
};

export type TokenSource = (options: {
  forceRefresh: boolean;
}) => Promise<string>;

export type RydCallLog = {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  message?: string;
};

export type RydTransport = {
  baseUrl: string;
  getToken: TokenSource;
  fetch?: typeof fetch;
  /** Receives one entry per RYD call; never the token or a body. */
  log?: (entry: RydCallLog) => void;
  timeoutMs?: number;
  /**
   * Called when RYD refuses even a freshly refreshed token. The session is
   * then of no use and must end here: otherwise the sign-in page, finding
   * it still live, would send the person straight back (a redirect loop).
   */
  onTokenRefused?: () => Promise<void>;
};

export function buildRydUrl(
  baseUrl: string,
  path: string,
  query: Record<string, QueryValue> = {},
): string {
  // RYD refuses trailing slashes (contract §0), so none is ever added.
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(key, String(value));
  }

  return url.toString();
}

async function send(
  transport: RydTransport,
  request: RydRequest,
  token: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.ifMatch) headers['if-match'] = request.ifMatch;

  const doFetch = transport.fetch ?? fetch;

  return doFetch(buildRydUrl(transport.baseUrl, request.path, request.query), {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    cache: 'no-store',
    signal: AbortSignal.timeout(transport.timeoutMs ?? 15_000),
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function getErrorMessage(body: unknown): string {
  const parsed = errorEnvelopeSchema.safeParse(body);
  if (!parsed.success) return '';
  const message = parsed.data.error.error_msg;

  return Array.isArray(message) ? message.join(' ') : message;
}

/**
 * Calls RYD once with the current token and, when RYD answers 401, once more
 * with a freshly refreshed token (contract §8.2). The success envelope's
 * `data` is parsed with `schema`; anything else becomes a RydRequestError.
 */
export async function requestRyd<S extends z.ZodType>(
  transport: RydTransport,
  request: RydRequest,
  schema: S,
): Promise<RydResult<z.infer<S>>> {
  const method = request.method ?? 'GET';
  const started = Date.now();
  const log = (status: number, message?: string) =>
    transport.log?.({
      method,
      path: request.path,
      status,
      durationMs: Date.now() - started,
      message,
    });

  const attempt = async (forceRefresh: boolean) => {
    let token: string;
    try {
      token = await transport.getToken({ forceRefresh });
    } catch {
      // No usable token (refresh refused): the person must sign in again.
      log(401, 'no access token');
      throw new RydRequestError({
        failure: 'unauthenticated',
        upstreamStatus: 401,
      });
    }
    try {
      return await send(transport, request, token);
    } catch (error) {
      log(0, error instanceof Error ? error.name : 'unknown');
      throw new RydRequestError({ failure: 'unavailable', upstreamStatus: 0 });
    }
  };

  let response = await attempt(false);
  if (response.status === 401) response = await attempt(true);
  if (response.status === 401) await transport.onTokenRefused?.();

  const body = await readJson(response);

  if (!response.ok) {
    const message = getErrorMessage(body);
    log(response.status, message.slice(0, 300));
    throw new RydRequestError({
      failure: getFailureForStatus(response.status),
      upstreamStatus: response.status,
      field: response.status === 400 ? findFieldInMessage(message) : undefined,
    });
  }

  const envelope = parseEnvelope(body, schema);
  if (!envelope) {
    log(response.status, 'response did not match the RYD contract');
    throw new RydRequestError({
      failure: 'unavailable',
      upstreamStatus: response.status,
    });
  }
  log(response.status);

  return { ...envelope, etag: response.headers.get('etag') };
}

function parseEnvelope<S extends z.ZodType>(
  body: unknown,
  schema: S,
): Omit<RydResult<z.infer<S>>, 'etag'> | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record.status !== 'success') return null;

  const data = schema.safeParse(record.data);
  if (!data.success) return null;

  let pagination: Pagination | null = null;
  if (record.pagination !== undefined) {
    const parsed = paginationSchema.safeParse(record.pagination);
    if (!parsed.success) return null;
    pagination = parsed.data;
  }

  return { data: data.data, pagination };
}
