import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { test as base } from '@playwright/test';

import {
  startE2eStack,
  stopE2eStack,
  type E2eStack,
} from '../support/e2e-stack';
import { RESULTS_DIR } from '../support/env';
import { prepareRealData } from './prepare';
import { readRegistryExport, type RegistryExport } from './registry-export';

export { ADMIN_ORGS } from './prepare';

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
      await prepareRealData(dataDir, log);
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
