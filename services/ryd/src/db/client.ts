/**
 * Opens the RYD database: PGlite in a folder (default) or PostgreSQL via
 * postgres-js when a URL is given, then applies the drizzle migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import { createPgliteFolder } from '@/lib/pglite/create-folder';

import * as schema from './schema';

export type RydDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type RydTx = Parameters<Parameters<RydDb['transaction']>[0]>[0];
/** A database handle or an open transaction: queries work on both. */
export type RydExecutor = RydDb | RydTx;

export const MIGRATIONS_FOLDER = fileURLToPath(
  new URL('../../drizzle', import.meta.url),
);

export type OpenedDb = {
  db: RydDb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

export class DataFolderLockedError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `The RYD data folder ${folder} is in use by process ${pid}; stop it first.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the one-process lock of a PGlite folder: a `<folder>.lock` file
 * holding the owner's pid. A lock left by a dead process is taken over.
 * Returns the release function. Exported for the import command.
 */
export function acquirePgliteLock(folder: string): () => void {
  const lockFile = `${path.resolve(folder)}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });

      return () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) {
            fs.unlinkSync(lockFile);
          }
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
        throw new DataFolderLockedError(folder, owner);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the RYD data folder ${folder}.`);
}

export async function openDb(options: {
  dataDir?: string;
  databaseUrl?: string;
}): Promise<OpenedDb> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: 10,
      onnotice: () => undefined,
    });
    const db = drizzlePostgres(client, { schema });
    await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });

    return {
      db: db as unknown as RydDb,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }

  const folder = options.dataDir;
  if (!folder) throw new Error('openDb needs a dataDir or a databaseUrl.');
  const release = acquirePgliteLock(folder);
  try {
    fs.mkdirSync(folder, { recursive: true });
    await createPgliteFolder(folder);
    const client = await PGlite.create(folder);
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });

    return {
      db: db as unknown as RydDb,
      kind: 'pglite',
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
