import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A small CKAN export written by the tests, holding one of each case the
 * import must handle: valid records, an upper-case name, an invalid name,
 * duplicates, a dataset without owner, a broken line, language extras that
 * are an IATI code in upper case and free text.
 */

export const IDS = {
  alpha: '11111111-1111-4111-8111-111111111111',
  ifs: '22222222-2222-4222-8222-222222222222',
  beta: '33333333-3333-4333-8333-333333333333',
  badName: '44444444-4444-4444-8444-444444444444',
  alphaTwin: '55555555-5555-4555-8555-555555555555',
  alphaActivities: 'aaaaaaaa-0000-4000-8000-000000000001',
  ifsOrg: 'aaaaaaaa-0000-4000-8000-000000000002',
  orphan: 'aaaaaaaa-0000-4000-8000-000000000003',
  badOwner: 'aaaaaaaa-0000-4000-8000-000000000004',
  alphaActivitiesTwin: 'aaaaaaaa-0000-4000-8000-000000000005',
  betaActivities: 'aaaaaaaa-0000-4000-8000-000000000006',
  deleted: 'aaaaaaaa-0000-4000-8000-000000000007',
} as const;

export type CkanRecord = Record<string, unknown>;

export function makeOrg(overrides: CkanRecord): CkanRecord {
  return {
    description: '',
    is_organization: true,
    license_id: 'cc-by',
    package_count: 1,
    publisher_country: 'GB',
    publisher_description: '',
    publisher_first_publish_date: '2018-04-27T00:00:00+00:00',
    publisher_iati_id: 'GB-TEST-1',
    publisher_organization_type: '21',
    publisher_source_type: null,
    state: 'active',
    type: 'organization',
    tags: [],
    groups: [],
    users: [],
    historical_publisher_names: [],
    ...overrides,
  };
}

export function makePackage(overrides: CkanRecord): CkanRecord {
  const id = String(overrides.id);
  return {
    license_id: 'cc-by',
    license_title: '',
    num_resources: 1,
    private: false,
    state: 'active',
    type: 'dataset',
    extras: [
      { key: 'filetype', value: 'activity' },
      { key: 'language', value: null },
      { key: 'country', value: null },
    ],
    resources: [
      {
        id,
        package_id: id,
        format: 'IATI-XML',
        url: `https://example.org/${String(overrides.name)}.xml`,
        created: '2020-01-31T00:00:00',
        metadata_modified: null,
      },
    ],
    publisher_source_type: '',
    metadata_created: '2020-01-31T00:00:00',
    metadata_modified: '2020-01-31T00:00:00',
    ...overrides,
  };
}

export function fixtureOrganisations(): CkanRecord[] {
  return [
    makeOrg({
      id: IDS.alpha,
      name: 'alpha',
      title: 'Alpha Aid',
      historical_publisher_names: [
        { id: IDS.alpha, old_name: 'alpha-old', activity_recorded_at: null },
      ],
    }),
    makeOrg({ id: IDS.ifs, name: 'IFS', title: 'Institute' }),
    makeOrg({
      id: IDS.beta,
      name: 'beta',
      title: 'Beta',
      license_id: '',
      publisher_organization_type: null,
      publisher_country: null,
      publisher_iati_id: 'US-EIN-13-3615533\u00a0',
    }),
    makeOrg({ id: IDS.badName, name: 'bad name', title: 'Bad' }),
    makeOrg({ id: IDS.alpha, name: 'alpha-again', title: 'Same id' }),
    makeOrg({ id: IDS.alphaTwin, name: 'alpha', title: 'Same name' }),
  ];
}

/** Lines of packages.jsonl; a string is written as is (a broken line). */
export function fixturePackageLines(): (CkanRecord | string)[] {
  return [
    makePackage({
      id: IDS.alphaActivities,
      name: 'alpha-activities',
      title: 'Alpha activities',
      owner_org: IDS.alpha,
      extras: [
        { key: 'filetype', value: 'activity' },
        { key: 'language', value: ' EN' },
      ],
    }),
    makePackage({
      id: IDS.ifsOrg,
      name: 'ifs-org',
      title: 'IFS organisation file',
      owner_org: IDS.ifs,
      private: true,
      extras: [{ key: 'filetype', value: 'organisation' }],
    }),
    makePackage({
      id: IDS.orphan,
      name: 'orphan',
      title: 'orphan',
      owner_org: null,
      organization: null,
      license_id: null,
    }),
    makePackage({
      id: IDS.badOwner,
      name: 'bad-owner',
      title: 'bad-owner',
      owner_org: IDS.badName,
    }),
    makePackage({
      id: IDS.alphaActivitiesTwin,
      name: 'alpha-activities',
      title: 'Same name',
      owner_org: IDS.alpha,
    }),
    '{"id": "broken',
    '',
    makePackage({
      id: IDS.betaActivities,
      name: 'beta-activities',
      title: 'Beta activities',
      owner_org: IDS.beta,
      license_id: '',
      metadata_created: null,
      metadata_modified: null,
      extras: [
        { key: 'filetype', value: 'activity' },
        { key: 'language', value: 'English' },
      ],
    }),
    makePackage({
      id: IDS.deleted,
      name: 'gone',
      title: 'gone',
      owner_org: IDS.alpha,
      state: 'deleted',
    }),
  ];
}

export async function writeExport(
  folder: string,
  organisations: CkanRecord[],
  packageLines: (CkanRecord | string)[],
): Promise<void> {
  // One element per line, as the real export is laid out.
  const orgText = `[\n${organisations.map((org) => JSON.stringify(org)).join(',\n')}\n]\n`;
  const packageText = packageLines
    .map((line) => (typeof line === 'string' ? line : JSON.stringify(line)))
    .join('\n');
  await writeFile(path.join(folder, 'organizations.json'), orgText);
  await writeFile(path.join(folder, 'packages.jsonl'), `${packageText}\n`);
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}
