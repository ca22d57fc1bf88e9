/**
 * The benchmark's limit: a plain node:http server that answers each
 * benchmarked request with the bytes captured from the real server, with no
 * token check, no routing framework and no database. Run as its own process
 * (`node --import tsx scripts/bench/bare-server.ts <responses.json>`) so that
 * it shares the machine the way the real server does; it prints its port.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { z } from 'zod';

import { captureKey, capturedResponseSchema } from './captured';

function main(file: string): void {
  const captured = z
    .array(capturedResponseSchema)
    .parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byKey = new Map(
    captured.map((entry) => [
      captureKey(entry.method, entry.path),
      {
        status: entry.status,
        headers: entry.headers,
        body: Buffer.from(entry.bodyBase64, 'base64'),
      },
    ]),
  );

  const server = http.createServer((request, response) => {
    const entry = byKey.get(
      captureKey(request.method ?? 'GET', request.url ?? '/'),
    );
    // Read the request body to its end, as the real server does.
    request.resume();
    request.on('end', () => {
      if (!entry) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(entry.status, {
        ...entry.headers,
        'content-length': String(entry.body.length),
      });
      response.end(entry.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(
      `listening ${(server.address() as AddressInfo).port}\n`,
    );
  });
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

const file = process.argv[2];
if (file) main(file);
