import { createHash } from 'node:crypto';

import { languageCodeSchema, SHORT_NAME_PATTERN } from '@/lib/ryd/schemas';

import { datasets, reportingOrgs } from '../db/schema';
import {
  ckanOrganizationSchema,
  ckanPackageSchema,
  type CkanOrganization,
  type CkanPackage,
} from './ckan-schema';

/**
 * Pure mapping from CKAN records to the RYD model (contract §5.1, §5.2).
 * Nothing here touches the database; the loader decides what to write.
 */

/** Why a record was not imported. A closed set, so reports can count them. */
export const SKIP_REASONS = {
  'malformed-record': 'record is not valid JSON or lacks id/name',
  'invalid-short-name': 'short name does not match ^[a-z0-9_-]+$',
  'duplicate-id': 'id already used by an earlier record of the export',
  'duplicate-short-name': 'short name already used by another record',
  'dataset-without-owner': 'dataset without owner',
  'owner-org-not-found': 'owner organisation not found (absent or skipped)',
  'deleted-in-ckan': 'record is deleted in CKAN',
  'deleted-in-ryd': 'record was deleted in RYD; the import does not revive it',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** Adjustments made to a record that was still imported. */
export const IMPORT_NOTES = {
  'short-name-lower-cased': 'short name lower-cased to match the RYD pattern',
  'id-derived': 'CKAN id is not a UUID; a UUID v5 was derived from it',
  'title-from-short-name': 'empty title; the short name is used instead',
  'language-dropped':
    'language is not an IATI Language code; imported without a language',
} as const;
export type ImportNote = keyof typeof IMPORT_NOTES;

export type Mapped<T> =
  | { ok: true; value: T; notes: ImportNote[] }
  | { ok: false; reason: SkipReason; detail: string };

/** The columns of `reporting_orgs` the import owns; others are left as is. */
export type ImportedOrganisation = Required<
  Pick<
    typeof reportingOrgs.$inferInsert,
    | 'id'
    | 'shortName'
    | 'humanReadableName'
    | 'organisationIdentifier'
    | 'organisationType'
    | 'hqCountry'
    | 'defaultLicenceId'
    | 'description'
    | 'reportingSourceType'
    | 'firstPublicationDate'
    | 'numberOfPublishedDatasets'
    | 'registryApproved'
    | 'formerShortNames'
  >
>;

/** The columns of `datasets` the import owns; others are left as is. */
export type ImportedDataset = Required<
  Pick<
    typeof datasets.$inferInsert,
    | 'id'
    | 'ownerOrgId'
    | 'shortName'
    | 'title'
    | 'url'
    | 'visibility'
    | 'licenceId'
    | 'sourceType'
    | 'fileType'
    | 'language'
    | 'country'
    | 'lastUrlUpdateDate'
    | 'lastMetadataUpdateDate'
  >
> & {
  /** CKAN `metadata_created`; null when unknown (the row's default stays). */
  createdAt: Date | null;
};

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fixed namespace for ids derived from non-UUID CKAN ids, so that the same
 * CKAN id always yields the same RYD id and re-imports stay idempotent.
 */
const CKAN_ID_NAMESPACE = '5b0e6c1a-3f4d-4e0b-9a3c-2d7f6e1b8c90';

/** RFC 9562 UUID version 5 (SHA-1, name-based). */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');

  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/**
 * CKAN ids are UUIDs; they are kept (lower-cased) so links between
 * organisations and datasets, and ids known outside, survive the import.
 * Any other id gets a deterministic UUID v5 of the CKAN id, applied the same
 * way to `owner_org`, so references still resolve.
 */
export function toRydId(ckanId: string): { id: string; derived: boolean } {
  const trimmed = ckanId.trim();
  if (UUID_PATTERN.test(trimmed)) {
    return { id: trimmed.toLowerCase(), derived: false };
  }

  return { id: uuidV5(trimmed, CKAN_ID_NAMESPACE), derived: true };
}

/**
 * CKAN names are lower-case by rule, but the registry holds a legacy
 * upper-case one (`IFS`). RYD's pattern forbids upper case, so the name is
 * lower-cased when that alone makes it valid; anything else is refused.
 */
export function toShortName(
  name: string,
): { shortName: string; lowerCased: boolean } | null {
  if (SHORT_NAME_PATTERN.test(name)) {
    return { shortName: name, lowerCased: false };
  }
  const lower = name.toLowerCase();
  if (SHORT_NAME_PATTERN.test(lower)) {
    return { shortName: lower, lowerCased: true };
  }

  return null;
}

/**
 * Optional text as RYD stores it: "" and whitespace-only mean "no value".
 * `trim()` also removes no-break spaces (U+00A0), which real identifiers
 * carry at their end.
 */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';

  return trimmed === '' ? null : trimmed;
}

/**
 * CKAN writes UTC timestamps without an offset ("2019-03-31T00:00:00");
 * they are read as UTC, not in the importing machine's time zone.
 */
export function parseCkanDate(value: string | null | undefined): Date | null {
  const text = value?.trim();
  if (!text) return null;

  const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text);
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(hasZone || isDateOnly ? text : `${text}Z`);

  return Number.isNaN(date.getTime()) ? null : date;
}

function describeIssues(error: { issues: { path: PropertyKey[] }[] }) {
  const fields = error.issues.map((issue) => issue.path.join('.') || 'record');

  return `invalid ${[...new Set(fields)].join(', ')}`;
}

export function mapOrganisation(raw: unknown): Mapped<ImportedOrganisation> {
  const parsed = ckanOrganizationSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'malformed-record',
      detail: describeIssues(parsed.error),
    };
  }

  return mapParsedOrganisation(parsed.data);
}

function mapParsedOrganisation(
  org: CkanOrganization,
): Mapped<ImportedOrganisation> {
  if (org.state === 'deleted') {
    return { ok: false, reason: 'deleted-in-ckan', detail: org.name };
  }
  const name = toShortName(org.name);
  if (!name) {
    return {
      ok: false,
      reason: 'invalid-short-name',
      detail: `organisation ${org.id} "${org.name}"`,
    };
  }

  const notes: ImportNote[] = [];
  const { id, derived } = toRydId(org.id);
  if (derived) notes.push('id-derived');
  if (name.lowerCased) notes.push('short-name-lower-cased');
  const title = cleanText(org.title);
  if (!title) notes.push('title-from-short-name');
  const state = org.state ?? 'active';
  const formerShortNames = [
    ...new Set(
      (org.historical_publisher_names ?? [])
        .map((former) => former.old_name.trim())
        .filter(
          (former) =>
            SHORT_NAME_PATTERN.test(former) && former !== name.shortName,
        ),
    ),
  ];

  return {
    ok: true,
    notes,
    value: {
      id,
      shortName: name.shortName,
      humanReadableName: title ?? name.shortName,
      // Required by RYD but never validated there (§5.1): kept as found,
      // apart from surrounding whitespace.
      organisationIdentifier: cleanText(org.publisher_iati_id) ?? '',
      organisationType: cleanText(org.publisher_organization_type),
      hqCountry: cleanText(org.publisher_country),
      defaultLicenceId: cleanText(org.license_id),
      description: cleanText(org.publisher_description),
      reportingSourceType: cleanText(org.publisher_source_type),
      // Stored as the registry's date string (see the schema).
      firstPublicationDate: cleanText(org.publisher_first_publish_date),
      numberOfPublishedDatasets: org.package_count ?? 0,
      // CKAN "active" is a publisher IATI Support approved ("pending" is
      // not yet); deleted ones were refused above.
      registryApproved: state === 'active',
      formerShortNames,
    },
  };
}

/** Reads a CKAN `extras` value by key; only non-empty strings count. */
function getExtra(pkg: CkanPackage, key: string): string | null {
  const extra = pkg.extras?.find((item) => item.key === key);

  return typeof extra?.value === 'string' ? cleanText(extra.value) : null;
}

function toFileType(value: string | null): ImportedDataset['fileType'] {
  return value === 'activity' || value === 'organisation' ? value : null;
}

/**
 * The `language` extra as RYD accepts it: an IATI Language code, matched
 * case-insensitively ("EN" is "en"). Anything else is no language, so that a
 * free-text value never fails the record.
 */
function toLanguage(value: string | null): {
  language: string | null;
  dropped: boolean;
} {
  if (value === null) return { language: null, dropped: false };
  const parsed = languageCodeSchema.safeParse(value.toLowerCase());

  return parsed.success
    ? { language: parsed.data, dropped: false }
    : { language: null, dropped: true };
}

/**
 * @param resolveOwner returns the RYD id of the owner organisation when it
 *   exists (imported in this run or already stored), else null.
 */
export function mapDataset(
  raw: unknown,
  resolveOwner: (ownerId: string) => string | null,
): Mapped<ImportedDataset> {
  const parsed = ckanPackageSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'malformed-record',
      detail: describeIssues(parsed.error),
    };
  }
  const pkg = parsed.data;

  if (pkg.state === 'deleted') {
    return { ok: false, reason: 'deleted-in-ckan', detail: pkg.name };
  }
  const name = toShortName(pkg.name);
  if (!name) {
    return {
      ok: false,
      reason: 'invalid-short-name',
      detail: `dataset ${pkg.id} "${pkg.name}"`,
    };
  }
  const ownerCkanId = cleanText(pkg.owner_org);
  if (!ownerCkanId) {
    return { ok: false, reason: 'dataset-without-owner', detail: pkg.name };
  }
  const ownerOrgId = resolveOwner(toRydId(ownerCkanId).id);
  if (!ownerOrgId) {
    return {
      ok: false,
      reason: 'owner-org-not-found',
      detail: `${pkg.name} (owner ${ownerCkanId})`,
    };
  }

  const notes: ImportNote[] = [];
  const { id, derived } = toRydId(pkg.id);
  if (derived) notes.push('id-derived');
  if (name.lowerCased) notes.push('short-name-lower-cased');
  const title = cleanText(pkg.title);
  if (!title) notes.push('title-from-short-name');
  const resource = pkg.resources?.[0];
  const createdAt = parseCkanDate(pkg.metadata_created);
  const { language, dropped } = toLanguage(getExtra(pkg, 'language'));
  if (dropped) notes.push('language-dropped');

  return {
    ok: true,
    notes,
    value: {
      id,
      ownerOrgId,
      shortName: name.shortName,
      title: title ?? name.shortName,
      url: resource?.url?.trim() ?? '',
      visibility: pkg.private ? 'private' : 'public',
      // RYD dataset metadata is all strings; legacy records carry "" (§1.1).
      licenceId: pkg.license_id?.trim() ?? '',
      sourceType: pkg.publisher_source_type?.trim() ?? '',
      fileType: toFileType(getExtra(pkg, 'filetype')),
      language,
      country: getExtra(pkg, 'country'),
      createdAt,
      // The resource's metadata_modified is set only when its URL changed.
      lastUrlUpdateDate:
        parseCkanDate(resource?.metadata_modified) ?? createdAt,
      lastMetadataUpdateDate: parseCkanDate(pkg.metadata_modified),
    },
  };
}
