import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';

import { test as base } from '@playwright/test';

import { personas } from '@/lib/demo/personas';

import { getChildEnv } from '../../scripts/lib/env';
import {
  startE2eStack,
  stopE2eStack,
  type E2eStack,
} from '../support/e2e-stack';
import { PROJECT_DIR, RESULTS_DIR } from '../support/env';
import {
  readRegistryExport,
  REGISTRY_EXPORT_DIR,
  type RegistryExport,
} from './registry-export';

/**
 * Organisations the demo admin is made admin of: the largest one, one whose
 * Registry package_count (124) differs from its datasets in the export (254),
 * and a small one.
 */
export const ADMIN_ORGS = ['theglobalfund', 'unfpa', 'fcdo'] as const;

type RealData = { e2e: E2eStack; registry: RegistryExport };

/**
 * One stack per worker, started on a fresh data folder after the import and
 * the grants (both refuse while a server holds the folder). The suite runs in
 * one worker, serially, so this happens once.
 */
export const test = base.extend<object, { realData: RealData }>({
  realData: [
    async ({}, use) => {
      const dataDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'iati-real-data-'),
      );
      await fs.mkdir(RESULTS_DIR, { recursive: true });
      const log = createWriteStream(
        path.join(RESULTS_DIR, 'real-data-import.log'),
      );
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
      log.end();

      const e2e = await startE2eStack({
        name: 'real-data',
        dataDir,
        settings: { SEED_DEMO: 'false' },
      });
      try {
        await use({ e2e, registry: readRegistryExport() });
      } finally {
        await stopE2eStack(e2e);
      }
    },
    { scope: 'worker', timeout: 15 * 60_000 },
  ],
  baseURL: async ({ realData }, use) => {
    await use(realData.e2e.env.appUrl);
  },
});

export { expect } from '@playwright/test';

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
            `npm ${args.join(' ')} failed with exit code ${code} (see test-results/real-data-import.log)`,
          ),
        );
    });
  });
}
