import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

import type { RydDb, RydTx } from '../db/client';
import { auditLog, datasets, reportingOrgs } from '../db/schema';
import {
  mapDataset,
  mapOrganisation,
  type ImportNote,
  type ImportedDataset,
  type ImportedOrganisation,
  type SkipReason,
} from './map-ckan';
import { readOrganizations, streamPackages } from './read-ckan';

/**
 * Loads a CKAN export into the RYD database (DESIGN "Import real data").
 *
 * - Keyed by id: a record whose content equals the stored row is not
 *   written, so a second run changes nothing and versions (ETags) stay.
 * - Only the columns the export knows are written; fields edited through
 *   the API that CKAN does not carry (website, contact e-mail…) are kept.
 * - Never deletes and never touches users or memberships.
 * - Everything runs in one transaction: a failed import leaves the
 *   database as it was. One audit row per run summarises what changed.
 */

/** Rows per INSERT statement: 500 rows x 14 columns stays far below 65,535 parameters. */
export const DEFAULT_BATCH_SIZE = 500;
/** How many skipped records are named per reason in the report. */
const EXAMPLES_PER_REASON = 5;

export type EntityCounts = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason, number>>;
  /** A few names per skip reason, so an operator can look them up. */
  skippedExamples: Partial<Record<SkipReason, string[]>>;
  notes: Partial<Record<ImportNote, number>>;
};

export type ImportReport = {
  organisations: EntityCounts;
  datasets: EntityCounts;
  /** Id of the audit row written for this run; null when nothing changed. */
  auditId: number | null;
};

export const AUDIT_ACTION_IMPORT = 'import.ckan';

const ORG_COLUMNS = [
  'shortName',
  'humanReadableName',
  'organisationIdentifier',
  'organisationType',
  'hqCountry',
  'defaultLicenceId',
  'description',
  'reportingSourceType',
  'firstPublicationDate',
  'numberOfPublishedDatasets',
  'registryApproved',
  'formerShortNames',
] as const satisfies readonly (keyof ImportedOrganisation)[];

// `createdAt` is written on insert only: a registration date does not move.
const DATASET_COLUMNS = [
  'ownerOrgId',
  'shortName',
  'title',
  'url',
  'visibility',
  'licenceId',
  'sourceType',
  'fileType',
  'language',
  'country',
  'lastUrlUpdateDate',
  'lastMetadataUpdateDate',
] as const satisfies readonly (keyof ImportedDataset)[];

function createCounts(): EntityCounts {
  return {
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: {},
    skippedExamples: {},
    notes: {},
  };
}

function countSkip(counts: EntityCounts, reason: SkipReason, detail: string) {
  counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
  const examples = (counts.skippedExamples[reason] ??= []);
  if (examples.length < EXAMPLES_PER_REASON) examples.push(detail);
}

function countNotes(counts: EntityCounts, notes: ImportNote[]) {
  for (const note of notes) counts.notes[note] = (counts.notes[note] ?? 0) + 1;
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (
      a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    );
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => item === b[index])
    );
  }

  return a === b;
}

function hasChanges<K extends string>(
  next: Record<K, unknown>,
  stored: Record<K, unknown>,
  keys: readonly K[],
): boolean {
  return keys.some((key) => !isSameValue(next[key], stored[key]));
}

/** `SET col = excluded.col, …` plus the version bump of a real change. */
function buildUpsertSet(
  columns: Record<string, PgColumn>,
  keys: readonly string[],
  version: PgColumn,
): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`Unknown column ${key}`);
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  set.version = sql`${version} + 1`;
  set.updatedAt = sql`now()`;

  return set;
}

const orgUpsertSet = buildUpsertSet(
  getTableColumns(reportingOrgs),
  ORG_COLUMNS,
  reportingOrgs.version,
);
const datasetUpsertSet = buildUpsertSet(
  getTableColumns(datasets),
  DATASET_COLUMNS,
  datasets.version,
);

/** Live short name -> id, to refuse a name another record already holds. */
type NameIndex = Map<string, string>;

function claimShortName(
  names: NameIndex,
  next: { id: string; shortName: string },
  previousName: string | undefined,
): boolean {
  const holder = names.get(next.shortName);
  if (holder !== undefined && holder !== next.id) return false;
  if (previousName !== undefined && names.get(previousName) === next.id) {
    names.delete(previousName);
  }
  names.set(next.shortName, next.id);

  return true;
}

async function importOrganisations(
  tx: RydTx,
  records: unknown[],
  batchSize: number,
) {
  const counts = createCounts();
  const existing = await tx.select().from(reportingOrgs);
  const stored = new Map(existing.map((row) => [row.id, row]));
  const names: NameIndex = new Map(
    existing
      .filter((row) => row.deletedAt === null)
      .map((row) => [row.shortName, row.id]),
  );
  /** Ids of organisations that datasets may belong to after this run. */
  const liveOrgIds = new Set(
    existing.filter((row) => row.deletedAt === null).map((row) => row.id),
  );
  const seen = new Set<string>();
  let pending: ImportedOrganisation[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    await tx
      .insert(reportingOrgs)
      .values(pending)
      .onConflictDoUpdate({ target: reportingOrgs.id, set: orgUpsertSet });
    pending = [];
  };

  for (const record of records) {
    counts.read += 1;
    const mapped = mapOrganisation(record);
    if (!mapped.ok) {
      countSkip(counts, mapped.reason, mapped.detail);
      continue;
    }
    const org = mapped.value;
    if (seen.has(org.id)) {
      countSkip(counts, 'duplicate-id', `${org.shortName} (${org.id})`);
      continue;
    }
    seen.add(org.id);
    const current = stored.get(org.id);
    if (current && current.deletedAt !== null) {
      countSkip(counts, 'deleted-in-ryd', org.shortName);
      continue;
    }
    if (!claimShortName(names, org, current?.shortName)) {
      countSkip(counts, 'duplicate-short-name', org.shortName);
      continue;
    }
    countNotes(counts, mapped.notes);
    liveOrgIds.add(org.id);

    if (!current) {
      counts.inserted += 1;
    } else if (hasChanges(org, current, ORG_COLUMNS)) {
      counts.updated += 1;
    } else {
      counts.unchanged += 1;
      continue;
    }
    pending.push(org);
    if (pending.length >= batchSize) await flush();
  }
  await flush();

  return { counts, liveOrgIds };
}

async function importDatasets(
  tx: RydTx,
  folder: string,
  liveOrgIds: Set<string>,
  batchSize: number,
) {
  const counts = createCounts();
  const existing = await tx.select().from(datasets);
  const stored = new Map(existing.map((row) => [row.id, row]));
  const names: NameIndex = new Map(
    existing
      .filter((row) => row.deletedAt === null)
      .map((row) => [row.shortName, row.id]),
  );
  const resolveOwner = (ownerId: string) =>
    liveOrgIds.has(ownerId) ? ownerId : null;
  const seen = new Set<string>();
  let pending: (typeof datasets.$inferInsert)[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    await tx
      .insert(datasets)
      .values(pending)
      .onConflictDoUpdate({ target: datasets.id, set: datasetUpsertSet });
    pending = [];
  };

  for await (const line of streamPackages(folder)) {
    counts.read += 1;
    if (!line.ok) {
      countSkip(counts, 'malformed-record', `line ${line.line}: ${line.error}`);
      continue;
    }
    const mapped = mapDataset(line.value, resolveOwner);
    if (!mapped.ok) {
      countSkip(counts, mapped.reason, mapped.detail);
      continue;
    }
    const { createdAt, ...dataset } = mapped.value;
    if (seen.has(dataset.id)) {
      countSkip(counts, 'duplicate-id', `${dataset.shortName} (${dataset.id})`);
      continue;
    }
    seen.add(dataset.id);
    const current = stored.get(dataset.id);
    if (current && current.deletedAt !== null) {
      countSkip(counts, 'deleted-in-ryd', dataset.shortName);
      continue;
    }
    if (!claimShortName(names, dataset, current?.shortName)) {
      countSkip(counts, 'duplicate-short-name', dataset.shortName);
      continue;
    }
    countNotes(counts, mapped.notes);

    if (!current) {
      counts.inserted += 1;
      // Unknown creation dates fall back to the column default (now).
      pending.push(createdAt ? { ...dataset, createdAt } : dataset);
    } else if (hasChanges(dataset, current, DATASET_COLUMNS)) {
      counts.updated += 1;
      pending.push(dataset);
    } else {
      counts.unchanged += 1;
      continue;
    }
    if (pending.length >= batchSize) await flush();
  }
  await flush();

  return counts;
}

function summarise(counts: EntityCounts) {
  return {
    read: counts.read,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.unchanged,
    skipped: counts.skipped,
  };
}

export async function importCkanExport(options: {
  db: RydDb;
  folder: string;
  batchSize?: number;
}): Promise<ImportReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // Read before the transaction opens: a missing or broken file fails fast.
  const orgRecords = await readOrganizations(options.folder);

  const report = await options.db.transaction(async (tx) => {
    const orgs = await importOrganisations(tx, orgRecords, batchSize);
    const datasetCounts = await importDatasets(
      tx,
      options.folder,
      orgs.liveOrgIds,
      batchSize,
    );

    const changed =
      orgs.counts.inserted +
      orgs.counts.updated +
      datasetCounts.inserted +
      datasetCounts.updated;
    let auditId: number | null = null;
    if (changed > 0) {
      // One summary row per run rather than one per record: a full import
      // would otherwise add tens of thousands of rows that say nothing more.
      const [row] = await tx
        .insert(auditLog)
        .values({
          action: AUDIT_ACTION_IMPORT,
          entityType: 'import',
          after: {
            organisations: summarise(orgs.counts),
            datasets: summarise(datasetCounts),
          },
        })
        .returning({ id: auditLog.id });
      auditId = row?.id ?? null;
    }

    return { organisations: orgs.counts, datasets: datasetCounts, auditId };
  });
  // Fresh planner statistics for the thousands of rows just written: without
  // them PostgreSQL takes the tables for nearly empty and sorts every
  // organisation for each page instead of reading the name index.
  await options.db.execute(sql`analyze`);

  return report;
}
