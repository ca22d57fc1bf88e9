import { expect, test } from '@playwright/test';

import { seedOrgs } from '@/lib/demo/seed-data';
import type { OrgRelation } from '@/lib/ryd/schemas';

import { signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs, uniqueShortName } from '../support/ryd-api';

/** An organisation of the admin's own, made in RYD for one test. */
async function createOrgInRyd(): Promise<OrgRelation> {
  const shortName = uniqueShortName('e2e-org');
  const reply = await callRydAs<OrgRelation>(
    'admin',
    'POST',
    '/reporting-orgs',
    {
      body: {
        short_name: shortName,
        human_readable_name: `E2E Organisation ${shortName}`,
        contact_email: 'e2e@example.org',
        organisation_identifier: `XI-E2E-${shortName}`,
        organisation_type: '21',
        hq_country: 'GB',
      },
    },
  );
  expect(reply.status).toBe(201);

  return reply.body!.data;
}

async function readOrg(oid: string) {
  return callRydAs<OrgRelation>('admin', 'GET', `/reporting-orgs/${oid}`);
}

test.describe('admin', () => {
  test.use(signedInAs('admin'));

  test('admin edits an organisation with the codelist selects, and RYD holds the change', async ({
    page,
  }) => {
    const org = await createOrgInRyd();
    await page.goto(`/orgs/${org.id}`);
    await page.getByRole('link', { name: 'Edit organisation' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Edit organisation' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page
      .getByLabel('Organisation type')
      .selectOption({ label: 'Foundation' });
    await page
      .getByLabel('Headquarters country')
      .selectOption({ label: 'Kenya' });
    await page.getByLabel('Default licence').selectOption('cc-by-sa');
    await page.getByLabel('Description').fill('Edited in the e2e test.');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'saved' }),
    ).toHaveText('Your changes were saved.');
    await expect(
      page.getByText('Creative Commons Attribution Share-Alike'),
    ).toBeVisible();
    const stored = await readOrg(org.id);
    expect(stored.body?.data.metadata).toMatchObject({
      organisation_type: '60',
      hq_country: 'KE',
      default_licence_id: 'cc-by-sa',
      description: 'Edited in the e2e test.',
      contact_email: 'e2e@example.org',
    });
  });

  test('an empty name is explained under the field and nothing is sent', async ({
    page,
  }) => {
    const org = await createOrgInRyd();
    await page.goto(`/orgs/${org.id}/edit`);

    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();

    const name = page.getByLabel('Name', { exact: true });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(
      'Enter the organisation name.',
    );
    await expectNoSeriousA11yViolations(page);
    expect(
      (await readOrg(org.id)).body?.data.metadata.human_readable_name,
    ).toBe(org.metadata.human_readable_name);
  });

  test('a change made elsewhere while editing is not overwritten: the admin is offered a reload', async ({
    page,
  }) => {
    const org = await createOrgInRyd();
    await page.goto(`/orgs/${org.id}/edit`);
    await page.getByLabel('Description').fill('Written in the web app');

    const current = await readOrg(org.id);
    const patch = await callRydAs(
      'admin',
      'PATCH',
      `/reporting-orgs/${org.id}`,
      {
        body: { description: 'Written by another tool' },
        ifMatch: current.etag ?? undefined,
      },
    );
    expect(patch.status).toBe(200);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'This organisation was changed by someone else while you were editing',
    );
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByLabel('Description')).toHaveValue(
      'Written by another tool',
    );
    expect((await readOrg(org.id)).body?.data.metadata).toMatchObject({
      description: 'Written by another tool',
    });
  });

  test('admin deletes an organisation after typing its short name; its datasets go with it', async ({
    page,
  }) => {
    const org = await createOrgInRyd();
    const shortName = org.metadata.short_name!;
    const dataset = await callRydAs<{ id: string }>(
      'admin',
      'POST',
      '/datasets',
      {
        body: {
          owner_organisation_id: org.id,
          short_name: `${shortName}-ds`,
          human_readable_name: 'Goes with the organisation',
          source_type: 'primary_source',
          url: 'https://example.org/goes.xml',
          licence_id: 'cc-by',
          visibility: 'public',
        },
      },
    );
    expect(dataset.status).toBe(201);

    await page.goto(`/orgs/${org.id}`);
    await page.getByRole('button', { name: 'Delete organisation' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Its 1 dataset will be deleted too.');
    const confirm = dialog.getByRole('button', { name: 'Delete organisation' });
    await expect(confirm).toBeDisabled();
    await expectNoSeriousA11yViolations(page);

    await dialog.getByLabel(/Type the short name/).fill(shortName);
    await confirm.click();

    await expect(page).toHaveURL(/\/orgs\?deleted=org$/);
    await expect(
      page.getByRole('status').filter({ hasText: 'deleted' }),
    ).toHaveText('The organisation and its datasets were deleted.');
    await expect(
      page.getByRole('link', { name: org.metadata.human_readable_name }),
    ).toHaveCount(0);
    expect([403, 404]).toContain((await readOrg(org.id)).status);
    expect(
      (
        await callRydAs(
          'superadmin',
          'GET',
          `/datasets/${dataset.body!.data.id}`,
        )
      ).status,
    ).toBe(404);
  });

  test('admin creates an organisation; a taken short name is explained under the field', async ({
    page,
  }) => {
    const shortName = uniqueShortName('e2e-new-org');
    await page.goto('/orgs');
    await page.getByRole('link', { name: 'Create an organisation' }).click();
    await expectNoSeriousA11yViolations(page);

    await page
      .getByLabel('Name', { exact: true })
      .fill(`E2E Created ${shortName}`);
    await page.getByLabel('Short name').fill(seedOrgs.kestrel.shortName);
    await page.getByLabel('Contact e-mail').fill('new@example.org');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect(
      page.getByText(
        'Another organisation already uses this short name. Choose a different short name.',
      ),
    ).toBeVisible();
    await expect(page.getByLabel('Short name')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await page.getByLabel('Short name').fill(shortName);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `E2E Created ${shortName}` }),
    ).toBeVisible();
    await expect(page.getByText('Admin', { exact: true })).toBeVisible();
    const oid = new URL(page.url()).pathname.split('/')[2]!;
    expect((await readOrg(oid)).body?.data.metadata.short_name).toBe(shortName);
  });
});

test.describe('editor', () => {
  test.use(signedInAs('editor'));

  test('editor edits the organisation but cannot delete it', async ({
    page,
  }) => {
    const marker = `Edited by the editor ${Date.now()}`;
    await page.goto(`/orgs/${seedOrgs.riverlands.id}/edit`);
    await page.getByLabel('Phone').fill(marker.slice(-13));
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'saved' }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Delete organisation' }),
    ).toHaveCount(0);
    const stored = await callRydAs<OrgRelation>(
      'editor',
      'GET',
      `/reporting-orgs/${seedOrgs.riverlands.id}`,
    );
    expect(stored.body?.data.metadata).toMatchObject({
      phone: marker.slice(-13),
    });
  });
});
