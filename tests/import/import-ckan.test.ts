import { rm } from 'node:fs/promises';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  acquirePgliteLock,
  openDb,
  type OpenedDb,
} from '@/services/ryd/src/db/client';
import {
  auditLog,
  datasets,
  reportingOrgs,
} from '@/services/ryd/src/db/schema';
import {
  AUDIT_ACTION_IMPORT,
  importCkanExport,
} from '@/services/ryd/src/import/load-ckan';
import { CkanExportError } from '@/services/ryd/src/import/read-ckan';

import {
  IDS,
  fixtureOrganisations,
  fixturePackageLines,
  makeOrg,
  makePackage,
  makeTempDir,
  writeExport,
} from './ckan-fixture';
import { runScript } from './run-script';

async function countRows(opened: OpenedDb) {
  const [orgs] = await opened.db
    .select({ count: sql<number>`count(*)::int` })
    .from(reportingOrgs);
  const [sets] = await opened.db
    .select({ count: sql<number>`count(*)::int` })
    .from(datasets);
  const [audits] = await opened.db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, AUDIT_ACTION_IMPORT));

  return { orgs: orgs?.count, datasets: sets?.count, audits: audits?.count };
}

describe('CKAN import into PGlite', () => {
  let root: string;
  let exportDir: string;
  let opened: OpenedDb;

  beforeAll(async () => {
    root = await makeTempDir('ryd-import-');
    exportDir = await makeTempDir('ckan-export-');
    await writeExport(exportDir, fixtureOrganisations(), fixturePackageLines());
    opened = await openDb({ dataDir: path.join(root, 'ryd') });
  });

  afterAll(async () => {
    await opened?.close();
    await rm(root, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  });

  it('imports the valid records and counts every skip by reason', async () => {
    const report = await importCkanExport({ db: opened.db, folder: exportDir });

    expect(report.organisations).toMatchObject({
      read: 6,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      skipped: {
        'invalid-short-name': 1,
        'duplicate-id': 1,
        'duplicate-short-name': 1,
      },
      notes: { 'short-name-lower-cased': 1 },
    });
    expect(report.datasets).toMatchObject({
      read: 8,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      skipped: {
        'dataset-without-owner': 1,
        'owner-org-not-found': 1,
        'duplicate-short-name': 1,
        'malformed-record': 1,
        'deleted-in-ckan': 1,
      },
      notes: { 'language-dropped': 1 },
    });
    expect(report.datasets.skippedExamples['dataset-without-owner']).toEqual([
      'orphan',
    ]);
    expect(report.auditId).not.toBeNull();
    expect(await countRows(opened)).toEqual({
      orgs: 3,
      datasets: 3,
      audits: 1,
    });
  });

  it('leaves planner statistics for the rows it wrote', async () => {
    // reltuples is -1 until a table is first analysed; PGlite has no
    // autovacuum to do it later.
    const result = (await opened.db.execute(
      sql`select relname, reltuples::int as reltuples from pg_class
        where relname in ('reporting_orgs', 'datasets') order by relname`,
    )) as unknown as { rows: { relname: string; reltuples: number }[] };

    expect(result.rows).toEqual([
      { relname: 'datasets', reltuples: 3 },
      { relname: 'reporting_orgs', reltuples: 3 },
    ]);
  });

  it('stores the mapped values', async () => {
    const [ifs] = await opened.db
      .select()
      .from(reportingOrgs)
      .where(eq(reportingOrgs.id, IDS.ifs));
    const [beta] = await opened.db
      .select()
      .from(reportingOrgs)
      .where(eq(reportingOrgs.id, IDS.beta));
    const [alpha] = await opened.db
      .select()
      .from(reportingOrgs)
      .where(eq(reportingOrgs.id, IDS.alpha));
    const [ifsFile] = await opened.db
      .select()
      .from(datasets)
      .where(eq(datasets.id, IDS.ifsOrg));
    const languages = await opened.db
      .select({ id: datasets.id, language: datasets.language })
      .from(datasets)
      .orderBy(datasets.id);

    expect(ifs).toMatchObject({ shortName: 'ifs', registryApproved: true });
    expect(beta).toMatchObject({
      organisationIdentifier: 'US-EIN-13-3615533',
      defaultLicenceId: null,
      organisationType: null,
      hqCountry: null,
    });
    expect(alpha?.formerShortNames).toEqual(['alpha-old']);
    expect(ifsFile).toMatchObject({
      ownerOrgId: IDS.ifs,
      visibility: 'private',
      fileType: 'organisation',
      createdAt: new Date('2020-01-31T00:00:00Z'),
      version: 1,
    });
    // " EN" is read as the code "en"; "English" is no code, so no language.
    expect(languages).toEqual([
      { id: IDS.alphaActivities, language: 'en' },
      { id: IDS.ifsOrg, language: null },
      { id: IDS.betaActivities, language: null },
    ]);
  });

  it('changes nothing when run a second time', async () => {
    const before = await opened.db.select().from(datasets);

    const report = await importCkanExport({ db: opened.db, folder: exportDir });

    expect(report.organisations).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(report.datasets).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(report.datasets.skipped['dataset-without-owner']).toBe(1);
    expect(report.auditId).toBeNull();
    expect(await countRows(opened)).toEqual({
      orgs: 3,
      datasets: 3,
      audits: 1,
    });
    expect(await opened.db.select().from(datasets)).toEqual(before);
  });

  it('rewrites only changed records, bumps their version, keeps API-only fields', async () => {
    await opened.db
      .update(reportingOrgs)
      .set({ website: 'https://alpha.example' })
      .where(eq(reportingOrgs.id, IDS.alpha));
    const organisations = fixtureOrganisations().map((org) =>
      org.id === IDS.alpha && org.name === 'alpha'
        ? { ...org, title: 'Alpha Aid International' }
        : org,
    );
    const lines = fixturePackageLines().map((line) =>
      typeof line !== 'string' && line.id === IDS.betaActivities
        ? makePackage({
            ...line,
            resources: [{ url: 'https://example.org/moved.xml' }],
          })
        : line,
    );
    await writeExport(exportDir, organisations, lines);

    const report = await importCkanExport({ db: opened.db, folder: exportDir });

    expect(report.organisations).toMatchObject({ updated: 1, unchanged: 2 });
    expect(report.datasets).toMatchObject({ updated: 1, unchanged: 2 });
    const [alpha] = await opened.db
      .select()
      .from(reportingOrgs)
      .where(eq(reportingOrgs.id, IDS.alpha));
    expect(alpha).toMatchObject({
      humanReadableName: 'Alpha Aid International',
      website: 'https://alpha.example',
      version: 2,
    });
    const [moved] = await opened.db
      .select()
      .from(datasets)
      .where(eq(datasets.id, IDS.betaActivities));
    expect(moved).toMatchObject({
      url: 'https://example.org/moved.xml',
      version: 2,
    });
    const [audit] = await opened.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, report.auditId ?? -1));
    expect(audit?.after).toMatchObject({
      organisations: { updated: 1 },
      datasets: { updated: 1 },
    });
  });

  it('refuses a short name that a record created in RYD already holds', async () => {
    await opened.db.insert(reportingOrgs).values({
      shortName: 'gamma',
      humanReadableName: 'Gamma, created through the API',
      organisationIdentifier: 'XM-GAMMA',
    });
    const gammaId = '66666666-6666-4666-8666-666666666666';
    await writeExport(
      exportDir,
      [...fixtureOrganisations(), makeOrg({ id: gammaId, name: 'gamma' })],
      [makePackage({ id: IDS.orphan, name: 'gamma-file', owner_org: gammaId })],
    );

    const report = await importCkanExport({ db: opened.db, folder: exportDir });

    expect(report.organisations.skipped['duplicate-short-name']).toBe(2);
    expect(report.datasets.skipped['owner-org-not-found']).toBe(1);
    const stored = await opened.db
      .select()
      .from(reportingOrgs)
      .where(eq(reportingOrgs.shortName, 'gamma'));
    expect(stored.map((org) => org.humanReadableName)).toEqual([
      'Gamma, created through the API',
    ]);
  });

  it('fails with a clear error and changes nothing when a file is missing', async () => {
    const empty = await makeTempDir('ckan-empty-');
    const before = await countRows(opened);

    await expect(
      importCkanExport({ db: opened.db, folder: empty }),
    ).rejects.toBeInstanceOf(CkanExportError);
    expect(await countRows(opened)).toEqual(before);
    await rm(empty, { recursive: true, force: true });
  });
});

// Each run starts a process that creates a PGlite folder: slow on a busy machine.
describe('npm run import', { timeout: 120_000 }, () => {
  let dataDir: string;
  let exportDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir('ryd-import-cli-');
    exportDir = await makeTempDir('ckan-export-cli-');
    await writeExport(exportDir, fixtureOrganisations(), fixturePackageLines());
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  });

  const runImport = () => runScript('scripts/import.ts', [exportDir], dataDir);

  it('refuses with one line while another process holds the data folder', async () => {
    const release = acquirePgliteLock(path.join(dataDir, 'ryd'));
    try {
      const result = await runImport();

      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('is in use by process'),
      ]);
    } finally {
      release();
    }
  });

  it('prints the counts per skip reason and the elapsed time', async () => {
    const { code, stdout } = await runImport();

    expect(code).toBe(0);
    expect(stdout).toContain('Organisations: read 6, inserted 3');
    expect(stdout).toContain('skipped, dataset without owner: 1 (orphan)');
    expect(stdout).toContain(
      'note, language is not an IATI Language code; imported without a language: 1',
    );
    expect(stdout).toMatch(/Elapsed: \d+\.\d s/);
  });
});
