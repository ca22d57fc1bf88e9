import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Creating a PGlite database runs initdb, compiled to WebAssembly, inside
 * the calling process, and the memory it takes (some 500 MB) stays with that
 * process for good. A server that creates its folder on first start would
 * carry that for its whole life, so the folder is created by a short-lived
 * child process instead; the server then opens an existing database (about
 * 250 MB). The caller holds the folder's lock meanwhile.
 */
const CREATE_SCRIPT = `
import('@electric-sql/pglite').then(async ({ PGlite }) => {
  const client = await PGlite.create(process.argv[1]);
  await client.close();
});
`;

/** Whether the folder already holds a PostgreSQL data directory. */
export function hasPgliteDatabase(folder: string): boolean {
  return existsSync(path.join(folder, 'PG_VERSION'));
}

/** Creates the PGlite database in `folder` unless it holds one already. */
export async function createPgliteFolder(folder: string): Promise<void> {
  if (hasPgliteDatabase(folder)) return;

  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CREATE_SCRIPT, path.resolve(folder)],
      { cwd: process.cwd(), timeout: 120_000 },
      (error, _stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `Could not create the database in ${folder}: ${stderr.trim() || error.message}`,
            ),
          );
        } else resolve();
      },
    );
  });
}
