/**
 * Answers requests Node's HTTP parser refuses before Hono sees them (a byte
 * that is not allowed in the request line, headers over the size limit). Node
 * would send a bare status line with no body; clients of RYD expect the RYD
 * error envelope on every failure.
 */
import type { Duplex } from 'node:stream';

import { errorEnvelope, type ErrorCode } from '@/lib/ryd/errors';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  431: 'Request Header Fields Too Large',
};

function describeRefusal(error: NodeJS.ErrnoException): {
  code: ErrorCode;
  message: string;
} {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      code: 'headers_too_large',
      message:
        'The request headers are larger than the server accepts. Send a shorter Authorization header or fewer headers and try again.',
    };
  }

  return {
    code: 'bad_request',
    message:
      'The request is not valid HTTP. Percent-encode any character outside ASCII in the URL and check the headers, then try again.',
  };
}

/**
 * The `clientError` listener of the HTTP server. There is no response object
 * at this point, so the answer is written to the socket by hand; the parser
 * cannot go on after an error, so the connection is closed.
 */
export function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
): void {
  // Nothing can be answered on a connection the client already dropped.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();

    return;
  }
  const { code, message } = describeRefusal(error);
  const envelope = errorEnvelope(code, message);
  const status = envelope.error.status_code;
  const body = JSON.stringify(envelope);
  socket.end(
    [
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
