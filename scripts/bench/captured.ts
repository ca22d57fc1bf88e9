import { z } from 'zod';

/** One response of the real server, replayed by the bare server. */
export const capturedResponseSchema = z.object({
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  bodyBase64: z.string(),
});

export type CapturedResponse = z.infer<typeof capturedResponseSchema>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Ids in the path are wildcards: the join-and-role loop walks through many
 * organisations, and each answer of one kind is the same bytes anyway.
 */
export function captureKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(UUID, ':id')}`;
}

/** The response headers worth replaying (framing headers are recomputed). */
const REPLAYED_HEADERS = [
  'content-type',
  'etag',
  'cache-control',
  'x-request-id',
];

export async function captureResponse(
  request: { method: string; path: string },
  response: Response,
): Promise<CapturedResponse> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const body = Buffer.from(await response.arrayBuffer());

  return {
    method: request.method,
    path: request.path,
    status: response.status,
    headers,
    bodyBase64: body.toString('base64'),
  };
}
