/**
 * `npm run import -- [folder]`: loads a CKAN export (organizations.json and
 * packages.jsonl) into the RYD database. Without a folder it reads the real
 * registry export at ../shared/data/ckan. Refuses, with one line, while
 * another process (such as a running RYD server) holds the PGlite folder.
 */
import path from 'node:path';

import { DataFolderLockedError, openDb } from '@/services/ryd/src/db/client';
import { readEnv } from '@/services/ryd/src/env';
import { formatImportReport } from '@/services/ryd/src/import/format-report';
import { importCkanExport } from '@/services/ryd/src/import/load-ckan';
import {
  assertExportFolder,
  CkanExportError,
} from '@/services/ryd/src/import/read-ckan';

const DEFAULT_FOLDER = '../shared/data/ckan';
const USAGE =
  'Usage: npm run import -- [folder with organizations.json and packages.jsonl]';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const positional = args.filter((arg) => !arg.startsWith('-'));
  if (positional.length > 1 || positional.length < args.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const folder = path.resolve(positional[0] ?? DEFAULT_FOLDER);
  const env = readEnv();
  const started = performance.now();
  // Before opening the database, so a typo creates no empty data folder.
  await assertExportFolder(folder);

  const opened = await openDb({
    dataDir: env.dataDir,
    databaseUrl: env.databaseUrl,
  });
  const target =
    opened.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : env.dataDir;
  process.stdout.write(`Importing ${folder} into ${target}\n`);
  try {
    const importStarted = performance.now();
    const report = await importCkanExport({ db: opened.db, folder });
    const importSeconds = (performance.now() - importStarted) / 1000;
    process.stdout.write(`${formatImportReport(report)}\n`);
    process.stdout.write(
      `Elapsed: ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(import ${importSeconds.toFixed(1)} s, the rest opening and migrating the database)\n`,
    );
  } finally {
    await opened.close();
  }

  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures get their one-line message; anything else its stack.
    const isExpected =
      error instanceof DataFolderLockedError ||
      error instanceof CkanExportError;
    process.stderr.write(
      `${isExpected ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
    );
    process.exitCode = 1;
  },
);
