import { expect, type Page } from '@playwright/test';

import type { PersonaKey } from '@/lib/demo/personas';
import { personas } from '@/lib/demo/personas';
import type { AssignableRole } from '@/lib/ryd/permissions';
import type { DatasetRead, OrgRelation } from '@/lib/ryd/schemas';

import { callRydAs, uniqueShortName } from '../support/ryd-api';

export type TestOrg = { id: string; name: string; shortName: string };

/**
 * A fresh organisation created straight in RYD by the persona, who becomes
 * its only admin, so a test never depends on what other tests did.
 */
export async function createOrgAs(
  persona: PersonaKey,
  label: string,
): Promise<TestOrg> {
  const shortName = uniqueShortName(`e2e-${label}`);
  const name = `E2E ${label} ${shortName.slice(-8)}`;
  const reply = await callRydAs<OrgRelation>(
    persona,
    'POST',
    '/reporting-orgs',
    {
      body: {
        short_name: shortName,
        human_readable_name: name,
        contact_email: 'e2e@publisher.example',
      },
    },
  );
  expect(reply.status, 'create the test organisation').toBe(201);

  return { id: reply.body!.data.id, name, shortName };
}

/** Gives a persona a role in the org, as its admin (RYD E14). */
export async function addMember(
  org: TestOrg,
  member: PersonaKey,
  role: AssignableRole,
  by: PersonaKey = 'admin',
): Promise<void> {
  const reply = await callRydAs(
    by,
    'PUT',
    `/users/${personas[member].uid}/reporting-org/${org.id}`,
    { body: { role } },
  );
  expect(reply.status, `make ${member} ${role}`).toBe(200);
}

export async function createDatasetAs(
  persona: PersonaKey,
  org: TestOrg,
): Promise<DatasetRead> {
  const shortName = uniqueShortName('e2e-ds');
  const reply = await callRydAs<DatasetRead>(persona, 'POST', '/datasets', {
    body: {
      owner_organisation_id: org.id,
      short_name: shortName,
      human_readable_name: `E2E dataset ${shortName}`,
      source_type: 'primary_source',
      url: `https://example.org/${shortName}.xml`,
      licence_id: 'cc-by',
      visibility: 'public',
    },
  });
  expect(reply.status, 'create the test dataset').toBe(201);

  return reply.body!.data;
}

/** The list item of one member or join request on the members page. */
export function memberRow(page: Page, name: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
}
