import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

import { personas } from '@/lib/demo/personas';

import { getChildEnv } from '../../scripts/lib/env';
import { PROJECT_DIR } from '../support/env';
import { REGISTRY_EXPORT_DIR } from './registry-export';

/**
 * Organisations the demo admin is made admin of: the largest one, one whose
 * Registry package_count (124) differs from its datasets in the export (254),
 * and a small one.
 */
export const ADMIN_ORGS = ['theglobalfund', 'unfpa', 'fcdo'] as const;

/**
 * Imports the Registry export into an empty data folder with `npm run
 * import`, makes the demo admin admin of ADMIN_ORGS and the demo superadmin
 * a superadmin with `npm run grant`, as a self-hosted install would. Both
 * commands refuse while a server holds the folder, so this runs before the
 * stack starts. Their output goes to `log`.
 */
export async function prepareRealData(
  dataDir: string,
  log: Writable,
): Promise<void> {
  const run = (args: string[]) => runNpm(args, { DATA_DIR: dataDir }, log);
  const { admin, superadmin } = personas;

  await run(['run', 'import', '--', REGISTRY_EXPORT_DIR]);
  for (const shortName of ADMIN_ORGS) {
    await run([
      'run',
      'grant',
      '--',
      admin.email,
      shortName,
      'admin',
      '--uid',
      admin.uid,
      '--name',
      admin.name,
    ]);
  }
  await run([
    'run',
    'grant',
    '--',
    '--superadmin',
    superadmin.email,
    '--uid',
    superadmin.uid,
    '--name',
    superadmin.name,
  ]);
}

function runNpm(
  args: string[],
  settings: Record<string, string>,
  log: Writable,
): Promise<void> {
  log.write(`$ npm ${args.join(' ')}\n`);
  const env = getChildEnv(settings);
  // The import goes into the fresh data folder, never a configured database.
  delete env.DATABASE_URL;
  const child = spawn('npm', args, {
    cwd: PROJECT_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `npm ${args.join(' ')} failed with exit code ${code} (see the import log)`,
          ),
        );
    });
  });
}
