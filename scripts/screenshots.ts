/**
 * `npm run screenshots`: starts a stack on free ports and saves full-page
 * screenshots of the main screens, signed in as the demo admin and
 * superadmin, at a phone width (360 px) and a desktop width (1440 px), for
 * looking at layout changes. With `--real`, the stack holds the IATI Registry
 * export from ../shared/data/ckan instead of the demo data, with the admin
 * made admin of the largest organisation. Pages longer than 1,600 px are
 * cut there.
 *
 * Options: --real, --out DIR (test-results/screenshots).
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium, type Page } from '@playwright/test';

import { seedOrgs } from '@/lib/demo/seed-data';

import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startE2eStack, stopE2eStack } from '../e2e/support/e2e-stack';
import { signInAs } from '../e2e/support/sign-in';
import { ADMIN_ORGS, prepareRealData } from '../e2e/real-data/prepare';
import {
  hasRegistryExport,
  readRegistryExport,
} from '../e2e/real-data/registry-export';

const WIDTHS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
const MAX_HEIGHT = 1600;

type Shot = { name: string; path: string };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      real: { type: 'boolean', default: false },
      out: { type: 'string', default: 'test-results/screenshots' },
    },
  });
  if (values.real && !hasRegistryExport()) {
    throw new Error('--real needs the Registry export in ../shared/data/ckan');
  }
  const outDir = path.resolve(values.out, values.real ? 'real' : 'demo');
  await fs.mkdir(outDir, { recursive: true });

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'iati-shots-'));
  let oid = seedOrgs.riverlands.id;
  if (values.real) {
    console.log('Importing the Registry export...');
    const log = createWriteStream(path.join(outDir, 'import.log'));
    await prepareRealData(dataDir, log);
    log.end();
    oid = readRegistryExport().findOrg(ADMIN_ORGS[0]).id;
  }
  const e2e = await startE2eStack({
    name: 'screenshots',
    dataDir,
    settings: { SEED_DEMO: values.real ? 'false' : 'true' },
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const size of WIDTHS) {
      const context = await browser.newContext({
        baseURL: e2e.env.appUrl,
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      const save = async (name: string) => {
        await page.waitForLoadState('networkidle');
        const file = path.join(outDir, `${size.name}-${name}.png`);
        // Long lists are cut at MAX_HEIGHT, so that a picture stays legible.
        const height = await page.evaluate(
          () => document.documentElement.scrollHeight,
        );
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: {
            x: 0,
            y: 0,
            width: size.width,
            height: Math.min(height, MAX_HEIGHT),
          },
        });
        console.log(file);
      };

      await page.goto('/');
      await save('landing');
      await signInAs(page, 'admin');
      for (const shot of await listAdminShots(page, oid)) {
        await page.goto(shot.path);
        await save(shot.name);
      }
      await context.clearCookies();

      await signInAs(page, 'superadmin');
      await page.goto('/admin/orgs');
      await save('all-organisations');
      await context.close();
    }
  } finally {
    await browser.close();
    await stopE2eStack(e2e);
  }
}

/** The admin's screens of one organisation and one of its datasets. */
async function listAdminShots(page: Page, oid: string): Promise<Shot[]> {
  await page.goto(`/orgs/${oid}/datasets`);
  const firstDataset = page.locator('main a[href^="/datasets/"]').first();
  const href = await firstDataset.getAttribute('href');
  if (!href) throw new Error('The organisation lists no dataset');
  const did = href.split('/')[2];

  return [
    { name: 'organisations', path: '/orgs' },
    { name: 'organisation', path: `/orgs/${oid}` },
    { name: 'organisation-edit', path: `/orgs/${oid}/edit` },
    { name: 'datasets', path: `/orgs/${oid}/datasets` },
    { name: 'dataset', path: `/datasets/${did}` },
    { name: 'dataset-edit', path: `/datasets/${did}/edit` },
    { name: 'dataset-new', path: `/orgs/${oid}/datasets/new` },
    { name: 'members', path: `/orgs/${oid}/members` },
    { name: 'tools', path: `/orgs/${oid}/tools` },
    { name: 'audit', path: `/orgs/${oid}/audit` },
    { name: 'roles', path: '/me/roles' },
    { name: 'join', path: '/orgs/join' },
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
