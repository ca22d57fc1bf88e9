import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createPgliteFolder } from '@/lib/pglite/create-folder';
import { env } from '@/lib/server/env';
import { acquirePidLock } from './lock';
import * as schema from './schema';

export type WebDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export type WebDbHandle = { db: WebDb; close(): Promise<void> };

const MIGRATIONS = path.join(
  process.cwd(),
  'lib',
  'server',
  'db',
  'migrations',
);

export type OpenWebDbOptions =
  /** A PGlite folder; `undefined` keeps the database in memory (tests). */
  { kind: 'pglite'; dir?: string } | { kind: 'postgres'; url: string };

/** Opens the web store and brings its schema up to date. */
export async function openWebDb(
  options: OpenWebDbOptions,
): Promise<WebDbHandle> {
  if (options.kind === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const sql = postgres(options.url, { max: 10, onnotice: () => undefined });
    const db = drizzle(sql, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });

    return { db, close: () => sql.end() };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let release = () => undefined as void;
  if (options.dir) {
    mkdirSync(path.dirname(options.dir), { recursive: true });
    release = acquirePidLock(
      `${options.dir}.lock`,
      `The web database ${options.dir}`,
    );
  }
  try {
    if (options.dir) await createPgliteFolder(options.dir);
    const client = new PGlite(options.dir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });

    return {
      db,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

const cache = globalThis as typeof globalThis & {
  webDb?: Promise<WebDbHandle>;
};

/** The process's web store, opened on first use. */
export function getDb(): Promise<WebDb> {
  cache.webDb ??= openWebDb(
    env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dir: path.join(env.dataDir, 'web') },
  ).catch((error: unknown) => {
    cache.webDb = undefined;
    throw error;
  });

  return cache.webDb.then((handle) => handle.db);
}

/** Tests point the process at their own store. */
export function useWebDbForTests(handle: WebDbHandle): void {
  cache.webDb = Promise.resolve(handle);
}
