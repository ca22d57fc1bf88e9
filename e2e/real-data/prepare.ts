import type { Writable } from 'node:stream';

import { personas } from '@/lib/demo/personas';

import { getChildEnv } from '../../scripts/lib/env';
import { runLogged } from '../../scripts/lib/run-logged';
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
  const env = getChildEnv({ DATA_DIR: dataDir });
  // The import goes into the fresh data folder, never a configured database.
  delete env.DATABASE_URL;
  const run = (args: string[]) =>
    runLogged({ command: 'npm', args, env, log, cwd: PROJECT_DIR });
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
