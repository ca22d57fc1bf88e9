/**
 * Starts the RYD server in-process: opens (and migrates) the database, seeds
 * demo data into an empty one, and listens. Used by main.ts, tests and the
 * stack launcher.
 */
import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';
import type { JWTVerifyGetKey } from 'jose';
import { sql } from 'drizzle-orm';

import { licences } from '@/lib/codelists/licences';
import { RYD_AUDIENCE } from '@/lib/demo/personas';

import { createApp } from './app';
import { createTokenVerifier } from './auth/verify-token';
import { openDb, type RydDb } from './db/client';
import { answerClientError } from './lib/client-error';
import { createLogger, type LogLevel } from './logger';
import { isDatabaseEmpty, seedDemoData } from './seed';

export type StartOptions = {
  /** 0 picks a free port. Default 4100. */
  port?: number;
  host?: string;
  /** PGlite folder (used when no databaseUrl is given). */
  dataDir?: string;
  databaseUrl?: string;
  issuer?: string;
  audience?: string;
  /** JWKS URL; defaults to `${issuer}/jwks`. */
  jwksUrl?: string;
  /** A key-set function instead of a URL (tests). */
  keySet?: JWTVerifyGetKey;
  jwksCooldownMs?: number;
  seed?: boolean;
  logLevel?: LogLevel;
  publicUrl?: string;
  supportEmail?: string;
};

export type RydServer = {
  url: string;
  port: number;
  /** The database handle, for tests and maintenance commands. */
  db: RydDb;
  close(): Promise<void>;
};

export async function start(options: StartOptions = {}): Promise<RydServer> {
  const logger = createLogger(options.logLevel ?? 'info');
  const issuer = (options.issuer ?? 'http://localhost:4000').replace(/\/$/, '');
  const opened = await openDb({
    dataDir: options.dataDir ?? '.data/ryd',
    databaseUrl: options.databaseUrl,
  });
  try {
    if ((options.seed ?? true) && (await isDatabaseEmpty(opened.db))) {
      const seeded = await seedDemoData(opened.db);
      logger.info(seeded, 'seeded demo data');
    }
    // PGlite runs no autovacuum, so nothing else keeps the planner's
    // statistics current; a few hundred milliseconds at start spare every
    // list request a sort of the whole table (reporting-orgs: 39 ms to 2 ms).
    if (opened.kind === 'pglite') await opened.db.execute(sql`analyze`);
  } catch (error) {
    await opened.close();
    throw error;
  }

  const app = createApp({
    db: opened.db,
    logger,
    verifyAccessToken: createTokenVerifier({
      issuer,
      audience: options.audience ?? RYD_AUDIENCE,
      jwks: options.keySet ?? options.jwksUrl ?? `${issuer}/jwks`,
      jwksCooldownMs: options.jwksCooldownMs,
    }),
    publicUrl: options.publicUrl,
    supportEmail: options.supportEmail ?? 'support@iati.example',
    licences,
  });

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>(
    (resolve, reject) => {
      const instance = serve(
        { fetch: app.fetch, port: options.port ?? 4100, hostname: host },
        () => resolve(instance),
      );
      instance.once('error', reject);
    },
  ).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  server.on('clientError', answerClientError);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  logger.info({ url, database: opened.kind }, 'RYD API listening');

  return {
    url,
    port,
    db: opened.db,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await opened.close();
    },
  };
}
