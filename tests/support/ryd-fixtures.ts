/**
 * Fresh, uniquely named RYD records for one test, written straight into the
 * server's database so that write tests never share state.
 */
import { randomUUID } from 'node:crypto';

import { demoTools, personas } from '@/lib/demo/personas';
import type { RydDb } from '@/services/ryd/src/db/client';
import {
  datasets,
  memberships,
  reportingOrgs,
  toolAuthorisations,
  users,
  type MembershipRole,
} from '@/services/ryd/src/db/schema';

export type OrgFixture = {
  oid: string;
  shortName: string;
  did: string;
  datasetShortName: string;
  /** A plain contributor who is no persona: the target of role changes. */
  memberUid: string;
};

function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * An org where the personas hold their usual roles: admin, editor,
 * contributor, pending; the publishing tool (toolAdmin's) is authorised;
 * one public dataset.
 */
export async function createOrgFixture(
  db: RydDb,
  options: {
    roles?: Partial<
      Record<
        'admin' | 'editor' | 'contributor' | 'pending',
        MembershipRole | null
      >
    >;
  } = {},
): Promise<OrgFixture> {
  const shortName = uniqueName('fixture-org');
  const [org] = await db
    .insert(reportingOrgs)
    .values({
      shortName,
      humanReadableName: `Fixture ${shortName}`,
      organisationIdentifier: `XI-TEST-${shortName}`,
      contactEmail: 'fixture@example.org',
      description: 'Fixture organisation',
    })
    .returning();
  if (!org) throw new Error('fixture org not created');
  const memberUid = randomUUID();
  await db.insert(users).values({
    id: memberUid,
    name: `Member ${memberUid.slice(0, 4)}`,
    email: `${memberUid.slice(0, 8)}@example.org`,
  });
  const roles = {
    admin: 'admin',
    editor: 'editor',
    contributor: 'contributor',
    pending: 'contributor_pending',
    ...options.roles,
  } as const;
  const rows: { orgId: string; userId: string; role: MembershipRole }[] = [
    { orgId: org.id, userId: memberUid, role: 'contributor' },
  ];
  for (const [key, role] of Object.entries(roles)) {
    if (role) {
      rows.push({
        orgId: org.id,
        userId: personas[key as keyof typeof roles].uid,
        role,
      });
    }
  }
  await db.insert(memberships).values(rows);
  await db
    .insert(toolAuthorisations)
    .values({ orgId: org.id, toolId: demoTools.publishingTool.tid });
  const datasetShortName = uniqueName('fixture-dataset');
  const [dataset] = await db
    .insert(datasets)
    .values({
      ownerOrgId: org.id,
      shortName: datasetShortName,
      title: `Fixture dataset ${datasetShortName}`,
      sourceType: 'primary_source',
      url: 'https://example.org/fixture.xml',
      licenceId: 'cc-by',
      visibility: 'public',
      fileType: 'activity',
    })
    .returning();
  if (!dataset) throw new Error('fixture dataset not created');

  return {
    oid: org.id,
    shortName,
    did: dataset.id,
    datasetShortName,
    memberUid,
  };
}

export function newDatasetBody(oid: string) {
  return {
    owner_organisation_id: oid,
    short_name: uniqueName('new-dataset'),
    human_readable_name: 'A new dataset',
    source_type: 'primary_source',
    url: 'https://example.org/new.xml',
    licence_id: 'cc-by',
    visibility: 'public',
  };
}
