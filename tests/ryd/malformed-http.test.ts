/**
 * Requests Node's HTTP parser refuses before the application sees them (a
 * raw non-ASCII byte in the request line, headers over the size limit) are
 * answered in the RYD error envelope too, and the connection is closed.
 * Sent over a raw socket: no HTTP client would send them.
 */
import net from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errorEnvelopeSchema } from '@/lib/ryd/schemas';

import { startRydForTest, type RydTestContext } from '../support/ryd-server';

let ctx: RydTestContext;

beforeAll(async () => {
  ctx = await startRydForTest({ seed: false });
});

afterAll(async () => {
  await ctx?.stop();
});

type RawAnswer = {
  status: number;
  headers: Map<string, string>;
  body: string;
  /** Whether the server closed the connection after answering. */
  closed: boolean;
};

/** Writes the bytes, then reads until the server closes (or 5 s pass). */
function sendRaw(bytes: Buffer): Promise<RawAnswer> {
  const { port } = ctx.server;

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const timer = setTimeout(() => finish(false), 5000);
    function finish(closed: boolean) {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers.set(
          line.slice(0, colon).trim().toLowerCase(),
          line.slice(colon + 1).trim(),
        );
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body,
        closed,
      });
    }
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('error', reject);
  });
}

const request = (lines: (string | Buffer)[]) =>
  Buffer.concat(
    [...lines, '', ''].map((line, index, all) =>
      Buffer.concat([
        typeof line === 'string' ? Buffer.from(line, 'latin1') : line,
        Buffer.from(index < all.length - 1 ? '\r\n' : ''),
      ]),
    ),
  );

describe('requests the HTTP parser refuses', () => {
  it.each<[string, number, Buffer]>([
    [
      'a raw UTF-8 byte in the request line',
      400,
      request([
        Buffer.concat([
          Buffer.from('GET /api/v1/tools?q='),
          Buffer.from([0xc3, 0xa9]),
          Buffer.from(' HTTP/1.1'),
        ]),
        'Host: localhost',
      ]),
    ],
    ['a malformed request line', 400, request(['GET', 'Host: localhost'])],
    [
      'a 20 KB Authorization header',
      431,
      request([
        'GET /api/v1/tools HTTP/1.1',
        'Host: localhost',
        `Authorization: Bearer ${'x'.repeat(20_000)}`,
      ]),
    ],
  ])(
    '%s: %i in the RYD envelope, connection closed',
    async (_, status, bytes) => {
      const answer = await sendRaw(bytes);
      const envelope = errorEnvelopeSchema.parse(JSON.parse(answer.body));

      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('connection')).toBe('close');
      expect(Number(answer.headers.get('content-length'))).toBe(
        Buffer.byteLength(answer.body),
      );
      expect(envelope.error.status_code).toBe(status);
      expect(envelope.error.error_msg).toMatch(/\.$/);
      expect(answer.closed).toBe(true);
    },
  );

  it('still answers a well-formed request afterwards', async () => {
    const answer = await sendRaw(
      request([
        'GET /api/v1/tools HTTP/1.1',
        'Host: localhost',
        'Connection: close',
      ]),
    );

    expect(answer.status).toBe(401);
  });
});
