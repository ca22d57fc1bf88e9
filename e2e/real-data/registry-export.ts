import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PROJECT_DIR } from '../support/env';

/** The real IATI Registry export that lives beside the repository. */
export const REGISTRY_EXPORT_DIR = path.resolve(
  PROJECT_DIR,
  '..',
  'shared',
  'data',
  'ckan',
);

export function hasRegistryExport(): boolean {
  return (
    existsSync(path.join(REGISTRY_EXPORT_DIR, 'organizations.json')) &&
    existsSync(path.join(REGISTRY_EXPORT_DIR, 'packages.jsonl'))
  );
}

type ExportOrg = { id: string; name: string; title: string; state: string };
type ExportDataset = { id: string; name: string; owner_org: string | null };

export type RegistryExport = {
  orgs: ExportOrg[];
  findOrg: (shortName: string) => ExportOrg;
  /** Datasets in packages.jsonl owned by the organisation (not package_count). */
  countDatasets: (orgId: string) => number;
  datasetsOf: (orgId: string) => ExportDataset[];
};

/**
 * Reads the export the way the assertions need it: the counts are computed
 * here from the files, independently of the importer, so that a test compares
 * what RYD reports with what the export holds.
 */
export function readRegistryExport(): RegistryExport {
  const orgs = JSON.parse(
    readFileSync(path.join(REGISTRY_EXPORT_DIR, 'organizations.json'), 'utf8'),
  ) as ExportOrg[];
  const byOrg = new Map<string, ExportDataset[]>();
  const lines = readFileSync(
    path.join(REGISTRY_EXPORT_DIR, 'packages.jsonl'),
    'utf8',
  ).split('\n');
  for (const line of lines) {
    if (line.trim() === '') continue;
    const dataset = JSON.parse(line) as ExportDataset;
    if (!dataset.owner_org) continue;
    const list = byOrg.get(dataset.owner_org) ?? [];
    list.push(dataset);
    byOrg.set(dataset.owner_org, list);
  }

  return {
    orgs,
    findOrg: (shortName) => {
      const org = orgs.find((candidate) => candidate.name === shortName);
      if (!org) throw new Error(`The export has no organisation ${shortName}`);

      return org;
    },
    countDatasets: (orgId) => byOrg.get(orgId)?.length ?? 0,
    datasetsOf: (orgId) => byOrg.get(orgId) ?? [],
  };
}
