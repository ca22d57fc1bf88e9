/**
 * Seeds the demo organisations, datasets, users and roles of
 * lib/demo/seed-data.ts into an empty database, in one transaction.
 */
import { sql } from 'drizzle-orm';

import { demoTools, personaList, serviceAccount } from '@/lib/demo/personas';
import {
  listSeedDatasets,
  seedExtraUsers,
  seedMemberships,
  seedOrgList,
  seedOrgs,
  seedSuperadmins,
  seedToolAdmins,
  seedToolAuthorisations,
} from '@/lib/demo/seed-data';

import type { RydDb } from './db/client';
import {
  datasetActions,
  datasets,
  memberships,
  reportingOrgs,
  superadmins,
  toolAdminUsers,
  toolAuthorisations,
  tools,
  users,
} from './db/schema';

/** True when the database holds no organisation, user or tool yet. */
export async function isDatabaseEmpty(db: RydDb): Promise<boolean> {
  const [row] = await db
    .select({
      n: sql<number>`(select count(*) from ${reportingOrgs})
        + (select count(*) from ${users})
        + (select count(*) from ${tools})`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);

  return (row?.n ?? 0) === 0;
}

export async function seedDemoData(
  db: RydDb,
): Promise<{ orgs: number; datasets: number }> {
  let datasetTotal = 0;
  await db.transaction(async (tx) => {
    await tx.insert(users).values([
      ...personaList.map((persona) => ({
        id: persona.uid,
        name: persona.name,
        email: persona.email,
      })),
      {
        id: serviceAccount.uid,
        name: serviceAccount.name,
        email: serviceAccount.email,
      },
      ...seedExtraUsers.map((user) => ({
        id: user.uid,
        name: user.name,
        email: user.email,
      })),
    ]);
    await tx
      .insert(superadmins)
      .values(seedSuperadmins.map((userId) => ({ userId })));
    await tx.insert(tools).values(
      Object.values(demoTools).map((tool) => ({
        id: tool.tid,
        name: tool.name,
        provider: tool.provider,
        clientId: tool.clientId,
      })),
    );
    await tx.insert(reportingOrgs).values(
      seedOrgList.map((org) => ({
        id: org.id,
        shortName: org.shortName,
        humanReadableName: org.name,
        organisationIdentifier: org.identifier,
        organisationType: org.type,
        hqCountry: org.country,
        region: org.region,
        reportingSourceType: org.sourceType,
        defaultLicenceId: org.licence,
        description: org.description,
        website: org.website,
        contactEmail: `contact@${new URL(org.website).hostname}`,
        registryApproved: org.approved,
        firstPublicationDate: org.approved ? '2021-03-15' : null,
        numberOfPublishedDatasets: org.approved ? org.datasetCount : 0,
      })),
    );
    await tx.insert(memberships).values(
      seedMemberships.map((membership) => ({
        orgId: seedOrgs[membership.orgKey].id,
        userId: membership.uid,
        role: membership.role,
      })),
    );
    await tx.insert(toolAdminUsers).values(
      seedToolAdmins.map((admin) => ({
        toolId: admin.tid,
        userId: admin.uid,
      })),
    );
    await tx.insert(toolAuthorisations).values(
      seedToolAuthorisations.map((grant) => ({
        toolId: grant.tid,
        orgId: seedOrgs[grant.orgKey].id,
      })),
    );
    for (const org of seedOrgList) {
      const rows = listSeedDatasets(org).map((dataset) => ({
        ownerOrgId: org.id,
        shortName: dataset.shortName,
        title: dataset.title,
        sourceType: dataset.sourceType,
        url: dataset.url,
        visibility: dataset.visibility,
        licenceId: dataset.licenceId,
        fileType: dataset.fileType,
        language: dataset.language,
        lastUrlUpdateDate: sql`now()`,
        lastMetadataUpdateDate: sql`now()`,
      }));
      if (rows.length === 0) continue;
      const inserted = await tx
        .insert(datasets)
        .values(rows)
        .returning({ id: datasets.id });
      await tx.insert(datasetActions).values(
        inserted.map((dataset) => ({
          datasetId: dataset.id,
          actionType: 'create',
          responsibleOrgId: org.id,
          responsibleOrgName: org.name,
          userApplicationId: 'seed',
          userApplicationName: 'Demo seed',
        })),
      );
      datasetTotal += inserted.length;
    }
  });

  return { orgs: seedOrgList.length, datasets: datasetTotal };
}
