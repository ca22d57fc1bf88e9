/**
 * Starts the RYD server in-process for a test file: a free port, a fresh
 * database (a temp PGlite folder, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set), the demo seed, and a local token issuer.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

import { demoClients, type PersonaKey } from '@/lib/demo/personas';
import { start, type RydServer } from '@/services/ryd/src/start';

import {
  startTestIssuer,
  type MintOptions,
  type TestIssuer,
} from './ryd-tokens';

export type RydTestContext = {
  server: RydServer;
  issuer: TestIssuer;
  /** Base URL of the API, e.g. http://127.0.0.1:41234/api/v1 */
  api: string;
  /** Calls the API; `as` mints a token for that persona unless `token` given. */
  call(
    method: string,
    apiPath: string,
    options?: {
      as?: PersonaKey | null;
      token?: string;
      tokenOptions?: MintOptions;
      client?: 'web' | 'tool' | 'machine';
      body?: unknown;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; body: RydBody; headers: Headers }>;
  stop(): Promise<void>;
};

/** Parse with the lib/ryd schemas to read it: that checks the contract too. */
export type RydBody = unknown;

/** The `error.code` of an RYD error envelope, or undefined. */
export function errorCodeOf(body: RydBody): string | undefined {
  const error = (body as { error?: { code?: unknown } } | null)?.error;

  return typeof error?.code === 'string' ? error.code : undefined;
}

async function createTestDatabase(adminUrl: string) {
  const name = `ryd_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export async function startRydForTest(
  options: { seed?: boolean; jwksCooldownMs?: number } = {},
): Promise<RydTestContext> {
  const issuer = await startTestIssuer();
  const adminUrl = process.env.TEST_DATABASE_URL;
  const database = adminUrl ? await createTestDatabase(adminUrl) : undefined;
  const dataDir = database
    ? undefined
    : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ryd-test-')), 'ryd');
  const server = await start({
    port: 0,
    dataDir,
    databaseUrl: database?.url,
    issuer: issuer.issuer,
    jwksUrl: issuer.jwksUrl,
    jwksCooldownMs: options.jwksCooldownMs ?? 0,
    seed: options.seed ?? true,
    logLevel: 'silent',
  });
  const api = `${server.url}/api/v1`;
  const clientIds = {
    web: demoClients.web.clientId,
    tool: demoClients.tool.clientId,
    machine: demoClients.machine.clientId,
  };

  return {
    server,
    issuer,
    api,
    async call(method, apiPath, callOptions = {}) {
      const headers: Record<string, string> = { ...callOptions.headers };
      let token = callOptions.token;
      if (token === undefined && callOptions.as !== null) {
        token = await issuer.mint({
          persona: callOptions.as ?? 'admin',
          clientId: clientIds[callOptions.client ?? 'web'],
          ...callOptions.tokenOptions,
        });
      }
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (callOptions.body !== undefined) {
        body =
          typeof callOptions.body === 'string'
            ? callOptions.body
            : JSON.stringify(callOptions.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${api}${apiPath}`, {
        method,
        headers,
        body,
      });
      const text = await response.text();
      let parsed: RydBody = null;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }

      return {
        status: response.status,
        body: parsed,
        headers: response.headers,
      };
    },
    async stop() {
      await server.close();
      await issuer.close();
      await database?.drop();
      if (dataDir)
        fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
