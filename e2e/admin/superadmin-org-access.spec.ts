import { expect, test } from '@playwright/test';

import { demoTools, personas } from '@/lib/demo/personas';

import { signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs } from '../support/ryd-api';
import { addMember, createOrgAs, memberRow } from '../members/fixtures';

const { admin, editor, superadmin } = personas;

test.describe('superadmin', () => {
  test.use(signedInAs('superadmin'));

  test('reaches an organisation they have no role in: members, tools and audit', async ({
    page,
  }) => {
    const org = await createOrgAs('admin', 'super');
    await addMember(org, 'editor', 'editor');

    await page.goto(`/orgs/${org.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: org.name }),
    ).toBeVisible();
    await expect(page.getByText('Superadmin', { exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Members' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Members' }),
    ).toBeVisible();
    const row = memberRow(page, editor.name);
    await row.getByLabel(`Role of ${editor.name}`).selectOption('contributor');
    await row.getByRole('button', { name: 'Change role' }).click();
    await page
      .getByRole('dialog', { name: `Make ${editor.name} a contributor?` })
      .getByRole('button', { name: 'Change role' })
      .click();
    await expect(
      page.getByText(`${editor.name} is now a contributor.`),
    ).toBeVisible();
    // The only admin stays protected for superadmins too.
    await expect(
      memberRow(page, admin.name).getByLabel(`Role of ${admin.name}`),
    ).toBeDisabled();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/orgs/${org.id}/tools`);
    await expect(
      page.getByRole('button', {
        name: `Authorise ${demoTools.publishingTool.name}`,
      }),
    ).toBeVisible();

    await page.goto(`/orgs/${org.id}/audit`);
    await expect(page.getByText('Created the organisation')).toBeVisible();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: 'from editor to contributor' })
        .getByText(`By ${superadmin.name} through`),
    ).toBeVisible();

    // RYD agrees, and refuses the same read to someone without a role.
    const asSuper = await callRydAs(
      'superadmin',
      'GET',
      `/reporting-orgs/${org.id}/users`,
    );
    expect(asSuper.status).toBe(200);
    const asOutsider = await callRydAs(
      'newcomer',
      'GET',
      `/reporting-orgs/${org.id}/users`,
    );
    expect(asOutsider.status).toBe(403);
  });

  test('cannot join an organisation, and the join page says so', async ({
    page,
  }) => {
    const org = await createOrgAs('admin', 'nojoin');
    await page.goto('/orgs/join');
    await expect(
      page.getByText('Superadmins do not join organisations'),
    ).toBeVisible();
    await expect(page.getByLabel('Organisation name')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    const refused = await callRydAs(
      'superadmin',
      'POST',
      `/users/${superadmin.uid}/reporting-org`,
      { body: { oid: org.id } },
    );
    expect(refused.status).toBe(400);
  });

  test('sees provider admins in the member list, without controls', async ({
    page,
  }) => {
    const org = await createOrgAs('admin', 'provsee');
    const grant = await callRydAs(
      'admin',
      'POST',
      `/reporting-orgs/${org.id}/tools`,
      {
        body: { tid: demoTools.publishingTool.tid },
      },
    );
    expect(grant.status).toBe(201);

    await page.goto(`/orgs/${org.id}/members`);
    const staff = page.getByRole('region', { name: /Tool staff/ });
    await expect(staff.getByText(personas.toolAdmin.email)).toBeVisible();
    await expect(staff.getByRole('button')).toHaveCount(0);
  });
});
