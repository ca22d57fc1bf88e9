import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openDb, type OpenedDb } from '@/services/ryd/src/db/client';
import { datasets, reportingOrgs } from '@/services/ryd/src/db/schema';
import { importCkanExport } from '@/services/ryd/src/import/load-ckan';

import { makeTempDir } from './ckan-fixture';

/**
 * The real IATI Registry export lives beside the repository, never in it
 * (DESIGN "Import real data"); without it this suite is skipped.
 */
const EXPORT_DIR = path.resolve(
  import.meta.dirname,
  '../../../shared/data/ckan',
);
const hasExport =
  existsSync(path.join(EXPORT_DIR, 'organizations.json')) &&
  existsSync(path.join(EXPORT_DIR, 'packages.jsonl'));

type Counted = { id: string; name: string; owner_org?: string | null };

/** What the files hold, read without the importer's code. */
function countExport() {
  const orgs = JSON.parse(
    readFileSync(path.join(EXPORT_DIR, 'organizations.json'), 'utf8'),
  ) as Counted[];
  const packages = readFileSync(path.join(EXPORT_DIR, 'packages.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Counted);
  const orgIds = new Set(orgs.map((org) => org.id));
  const withoutOwner = packages.filter((pkg) => !pkg.owner_org).length;

  return {
    orgs: orgs.length,
    packages: packages.length,
    withoutOwner,
    withKnownOwner: packages.filter(
      (pkg) => pkg.owner_org && orgIds.has(pkg.owner_org),
    ).length,
  };
}

describe.skipIf(!hasExport)('import of the real registry export', () => {
  let root: string | undefined;
  let opened: OpenedDb | undefined;

  afterAll(async () => {
    await opened?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it(
    'loads every organisation and every owned dataset',
    { timeout: 300_000 },
    async () => {
      const expected = countExport();
      root = await makeTempDir('ryd-real-import-');
      opened = await openDb({ dataDir: path.join(root, 'ryd') });
      const started = performance.now();

      const report = await importCkanExport({
        db: opened.db,
        folder: EXPORT_DIR,
      });

      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `Real export imported in ${seconds.toFixed(1)} s (PGlite)\n`,
      );
      const skippedOrgs = Object.values(report.organisations.skipped).reduce(
        (a, b) => a + (b ?? 0),
        0,
      );
      const skippedDatasets = Object.values(report.datasets.skipped).reduce(
        (a, b) => a + (b ?? 0),
        0,
      );
      expect(report.organisations.read).toBe(expected.orgs);
      expect(report.datasets.read).toBe(expected.packages);
      expect(report.organisations.inserted).toBe(expected.orgs - skippedOrgs);
      expect(report.datasets.inserted).toBe(
        expected.packages - skippedDatasets,
      );
      expect(report.datasets.skipped['dataset-without-owner']).toBe(
        expected.withoutOwner,
      );
      expect(report.datasets.inserted).toBe(expected.withKnownOwner);

      const [orgRows] = await opened.db
        .select({ count: sql<number>`count(*)::int` })
        .from(reportingOrgs);
      const [datasetRows] = await opened.db
        .select({ count: sql<number>`count(*)::int` })
        .from(datasets);
      expect(orgRows?.count).toBe(expected.orgs - skippedOrgs);
      expect(datasetRows?.count).toBe(expected.packages - skippedDatasets);
    },
  );
});
