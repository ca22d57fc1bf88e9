import { describe, expect, it } from 'vitest';
import { datasetCreateSchema, joinRequestSchema } from '@/lib/ryd/schemas';
import {
  failureResponse,
  parseBody,
  readIfMatch,
  type ParsedBody,
} from './bff-responses';
import { RydRequestError } from './errors';

function jsonRequest(body: string, headers: HeadersInit = {}) {
  return new Request('http://app.test/api/bff/datasets', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const validDataset = {
  owner_organisation_id: '8a2358db-8793-4b18-9806-09225434d85c',
  short_name: 'water-2026',
  human_readable_name: 'Water 2026',
  source_type: 'primary_source',
  url: 'https://example.org/water.xml',
  licence_id: 'cc-by',
  visibility: 'public',
};

describe('BFF responses', () => {
  it('parses a body with the shared schema', async () => {
    const parsed = await parseBody(
      jsonRequest(JSON.stringify(validDataset)),
      datasetCreateSchema,
    );

    expect(parsed).toEqual({ ok: true, data: validDataset });
  });

  it('names the first bad field of a body the schema refuses', async () => {
    const parsed = await parseBody(
      jsonRequest(JSON.stringify({ ...validDataset, short_name: 'Bad Name' })),
      datasetCreateSchema,
    );

    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.response.status).toBe(400);
    expect(await parsed.response.json()).toMatchObject({
      error: { failure: 'validation', field: 'short_name' },
    });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const parsed = await parseBody(
      jsonRequest('{not json'),
      datasetCreateSchema,
    );

    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.response.status).toBe(400);
  });

  describe('a body over the 64 KiB limit', () => {
    const MIB = 1024 * 1024;

    /** A 20 MB JSON body sent as a stream, counting what the reader pulls. */
    function streamedRequest(headers: HeadersInit = {}) {
      const pulled = { bytes: 0 };
      const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024 - 2)}",`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('['));
          if (sent >= 20 * MIB) {
            controller.enqueue(new TextEncoder().encode('"end"]'));
            controller.close();

            return;
          }
          sent += chunk.length;
          pulled.bytes = sent;
          controller.enqueue(chunk);
        },
      });
      const init: RequestInit & { duplex: 'half' } = {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        duplex: 'half',
      };

      return {
        request: new Request('http://app.test/api/bff/join-requests', init),
        pulled,
      };
    }

    async function expectTooLarge(parsed: ParsedBody<unknown>) {
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.response.status).toBe(413);
      expect(await parsed.response.json()).toMatchObject({
        error: { failure: 'too_large', message: expect.stringMatching(/\.$/) },
      });
    }

    it('is a 413 without reading the rest of a streamed body', async () => {
      const { request, pulled } = streamedRequest();

      const parsed = await parseBody(request, joinRequestSchema);

      await expectTooLarge(parsed);
      expect(pulled.bytes).toBeLessThan(MIB);
    });

    it('is a 413 before reading when Content-Length announces it', async () => {
      const { request, pulled } = streamedRequest({
        'content-length': String(20 * MIB),
      });

      const parsed = await parseBody(request, joinRequestSchema);

      await expectTooLarge(parsed);
      expect(pulled.bytes).toBeLessThan(MIB);
    });

    it('is a 413 for a body of one string just over the limit', async () => {
      const parsed = await parseBody(
        jsonRequest(JSON.stringify({ oid: 'x'.repeat(64 * 1024) })),
        joinRequestSchema,
      );

      await expectTooLarge(parsed);
    });
  });

  it.each([
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['stale', 412],
    ['unauthenticated', 401],
  ] as const)(
    'passes a RYD %s on as %i with a sentence',
    async (failure, status) => {
      const response = failureResponse(
        new RydRequestError({ failure, upstreamStatus: status }),
      );
      const body = (await response.json()) as { error: { message: string } };

      expect(response.status).toBe(status);
      expect(body.error.message).toMatch(/\.$/);
    },
  );

  it('hides unexpected errors behind the fixed "try again" failure', async () => {
    const response = failureResponse(new Error('database password is hunter2'));
    const text = await response.text();

    expect(response.status).toBe(502);
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({
      error: { failure: 'unavailable' },
    });
  });

  it('reads If-Match and refuses absurdly long values', () => {
    expect(readIfMatch(jsonRequest('{}', { 'if-match': '"7"' }))).toBe('"7"');
    expect(readIfMatch(jsonRequest('{}'))).toBeNull();
    expect(
      readIfMatch(jsonRequest('{}', { 'if-match': 'x'.repeat(201) })),
    ).toBeNull();
  });
});
