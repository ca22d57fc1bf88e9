import { expect, test } from '@playwright/test';

import { personas } from '@/lib/demo/personas';
import type { OrgUser, UserRoles } from '@/lib/ryd/schemas';

import { openPageAs, signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs, uniqueShortName } from '../support/ryd-api';
import { addMember, createOrgAs, memberRow } from './fixtures';

const { admin, editor, contributor } = personas;

test.describe('members', () => {
  test.use(signedInAs('admin'));

  test('admin approves a join request and the new contributor then creates a dataset', async ({
    page,
    browser,
  }) => {
    const org = await createOrgAs('admin', 'join');
    const asContributor = await openPageAs(browser, 'contributor');
    const joinPage = asContributor.page;

    // The contributor finds the organisation and asks to join it.
    await joinPage.goto('/orgs/join');
    await joinPage.getByLabel('Organisation name').fill(org.name);
    const result = joinPage.getByRole('listitem').filter({ hasText: org.name });
    await result
      .getByRole('button', { name: `Ask to join ${org.name}` })
      .click();
    await expect(
      joinPage.getByText(`Your request to join ${org.name} was sent.`),
    ).toBeVisible();
    await expect(
      joinPage
        .getByRole('region', { name: /Your requests waiting/ })
        .getByText(org.name),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(joinPage);

    // While pending, RYD refuses datasets, and one cannot approve oneself.
    const early = await callRydAs('contributor', 'POST', '/datasets', {
      body: {
        owner_organisation_id: org.id,
        short_name: uniqueShortName('e2e-early'),
        human_readable_name: 'Too early',
        source_type: 'primary_source',
        url: 'https://example.org/early.xml',
        licence_id: 'cc-by',
        visibility: 'public',
      },
    });
    expect(early.status).toBe(403);
    const selfApprove = await callRydAs(
      'contributor',
      'PUT',
      `/users/${contributor.uid}/reporting-org/${org.id}`,
      { body: { role: 'admin' } },
    );
    expect(selfApprove.status).toBe(403);

    // The admin sees the request waiting and approves it as contributor.
    await page.goto(`/orgs/${org.id}/members`);
    const requests = page.getByRole('region', { name: /Join requests/ });
    const request = memberRow(page, contributor.name);
    await expect(requests.getByText(contributor.email)).toBeVisible();
    await expect(
      request.getByLabel(`Role for ${contributor.name}`),
    ).toHaveValue('contributor');
    await expectNoSeriousA11yViolations(page);
    await request
      .getByRole('button', { name: `Approve ${contributor.name}` })
      .click();
    await expect(
      page.getByText(
        `${contributor.name} joined the organisation as a contributor.`,
      ),
    ).toBeVisible();
    await expect(
      requests.getByText('No one is waiting to join.'),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: /^Members/ })
        .getByText(contributor.email),
    ).toBeVisible();

    // The new contributor adds a dataset through the app.
    const shortName = uniqueShortName('e2e-joined');
    await joinPage.goto(`/orgs/${org.id}/datasets/new`);
    await joinPage.getByLabel('Title').fill(`Joined ${shortName}`);
    await joinPage.getByLabel('Short name').fill(shortName);
    await joinPage
      .getByLabel('Source URL')
      .fill(`https://example.org/${shortName}.xml`);
    await joinPage.getByRole('button', { name: 'Add dataset' }).click();
    await expect(joinPage.getByText('The dataset was added.')).toBeVisible();
    await expect(
      joinPage.getByRole('heading', { level: 1, name: `Joined ${shortName}` }),
    ).toBeVisible();

    await asContributor.context.close();
  });

  test('admin demotes an editor, whose next page no longer offers editing', async ({
    page,
    browser,
  }) => {
    const org = await createOrgAs('admin', 'demote');
    await addMember(org, 'editor', 'editor');
    const asEditor = await openPageAs(browser, 'editor');

    await asEditor.page.goto(`/orgs/${org.id}`);
    await expect(
      asEditor.page.getByRole('link', { name: 'Edit organisation' }),
    ).toBeVisible();

    await page.goto(`/orgs/${org.id}/members`);
    const row = memberRow(page, editor.name);
    await row.getByLabel(`Role of ${editor.name}`).selectOption('contributor');
    await row.getByRole('button', { name: 'Change role' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Make ${editor.name} a contributor?`,
    });
    await expect(dialog.getByText('add datasets')).toBeVisible();
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(
      page.getByText(`${editor.name} is now a contributor.`),
    ).toBeVisible();
    const users = await callRydAs<OrgUser[]>(
      'admin',
      'GET',
      `/reporting-orgs/${org.id}/users`,
    );
    expect(users.body?.data.find((user) => user.id === editor.uid)?.role).toBe(
      'contributor',
    );

    // The editor's next page reads the new role from RYD.
    await asEditor.page.reload();
    await expect(
      asEditor.page.getByRole('heading', { level: 1, name: org.name }),
    ).toBeVisible();
    await expect(
      asEditor.page.getByRole('link', { name: 'Edit organisation' }),
    ).toHaveCount(0);
    const edit = await callRydAs(
      'editor',
      'PATCH',
      `/reporting-orgs/${org.id}`,
      {
        body: { description: 'Not allowed any more' },
      },
    );
    expect(edit.status).toBe(403);

    // Not an admin: no member controls, and RYD refuses the change itself.
    await asEditor.page.goto(`/orgs/${org.id}/members`);
    await expect(
      asEditor.page
        .getByRole('region', { name: /^Members/ })
        .getByText(admin.email),
    ).toBeVisible();
    await expect(
      asEditor.page.getByRole('button', { name: /Change role|Remove/ }),
    ).toHaveCount(0);
    const promote = await callRydAs(
      'editor',
      'PUT',
      `/users/${editor.uid}/reporting-org/${org.id}`,
      { body: { role: 'admin' } },
    );
    expect(promote.status).toBe(403);

    // The audit trail names who changed what, and through which client.
    await page.goto(`/orgs/${org.id}/audit`);
    await expect(
      page.getByText(
        `Changed the role of ${editor.name} from editor to contributor`,
      ),
    ).toBeVisible();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: 'Changed the role of' })
        .getByText(`By ${admin.name} through`),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const editorAudit = await callRydAs(
      'editor',
      'GET',
      `/reporting-orgs/${org.id}/audit`,
    );
    expect(editorAudit.status).toBe(403);

    await asEditor.context.close();
  });

  test('admin removes a member and the member loses access on the next request', async ({
    page,
    browser,
  }) => {
    const org = await createOrgAs('admin', 'remove');
    await addMember(org, 'contributor', 'contributor');
    const asContributor = await openPageAs(browser, 'contributor');
    await asContributor.page.goto(`/orgs/${org.id}`);
    await expect(
      asContributor.page.getByRole('heading', { level: 1, name: org.name }),
    ).toBeVisible();

    await page.goto(`/orgs/${org.id}/members`);
    await memberRow(page, contributor.name)
      .getByRole('button', { name: `Remove ${contributor.name}` })
      .click();
    await page
      .getByRole('dialog', { name: `Remove ${contributor.name}?` })
      .getByRole('button', { name: 'Remove member' })
      .click();
    await expect(
      page.getByText(`${contributor.name} was removed from the organisation.`),
    ).toBeVisible();

    await asContributor.page.reload();
    await expect(
      asContributor.page.getByRole('alert').getByText('You cannot open this'),
    ).toBeVisible();
    const read = await callRydAs(
      'contributor',
      'GET',
      `/reporting-orgs/${org.id}`,
    );
    expect(read.status).toBe(403);

    await asContributor.context.close();
  });

  test('the last admin can be neither removed nor demoted, and the screen says why', async ({
    page,
  }) => {
    const org = await createOrgAs('admin', 'lastadmin');
    await addMember(org, 'editor', 'editor');

    await page.goto(`/orgs/${org.id}/members`);
    const own = memberRow(page, admin.name);
    await expect(own.getByLabel(`Role of ${admin.name}`)).toBeDisabled();
    await expect(
      own.getByRole('button', { name: `Remove ${admin.name}` }),
    ).toBeDisabled();
    await expect(
      own.getByText(/The only admin cannot be removed or given another role/),
    ).toBeVisible();
    await expect(
      own.getByLabel(`Role of ${admin.name}`),
    ).toHaveAccessibleDescription(/an organisation needs at least one admin/);
    await expectNoSeriousA11yViolations(page);

    // RYD refuses the same changes when sent straight to it.
    const demote = await callRydAs(
      'admin',
      'PUT',
      `/users/${admin.uid}/reporting-org/${org.id}`,
      { body: { role: 'editor' } },
    );
    expect(demote.status).toBe(400);
    const remove = await callRydAs(
      'admin',
      'DELETE',
      `/users/${admin.uid}/reporting-org/${org.id}`,
    );
    expect(remove.status).toBe(400);

    // With a second admin the controls unlock.
    const row = memberRow(page, editor.name);
    await row.getByLabel(`Role of ${editor.name}`).selectOption('admin');
    await row.getByRole('button', { name: 'Change role' }).click();
    await page
      .getByRole('dialog', { name: `Make ${editor.name} an admin?` })
      .getByRole('button', { name: 'Change role' })
      .click();
    await expect(
      page.getByText(`${editor.name} is now an admin.`),
    ).toBeVisible();
    await expect(own.getByLabel(`Role of ${admin.name}`)).toBeEnabled();
    await expect(
      own.getByRole('button', { name: `Remove ${admin.name}` }),
    ).toBeEnabled();
  });

  test('a member without the admin role sees the list but no controls', async ({
    browser,
  }) => {
    const org = await createOrgAs('admin', 'readonly');
    await addMember(org, 'contributor', 'contributor');
    const { context, page } = await openPageAs(browser, 'contributor');

    await page.goto(`/orgs/${org.id}/members`);
    await expect(
      page.getByRole('region', { name: /^Members/ }).getByText(admin.email),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: /Remove|Change role/ }),
    ).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(
      0,
    );

    const users = await callRydAs<OrgUser[]>(
      'contributor',
      'GET',
      `/reporting-orgs/${org.id}/users`,
    );
    expect(users.status).toBe(200);
    const removeAdmin = await callRydAs(
      'contributor',
      'DELETE',
      `/users/${admin.uid}/reporting-org/${org.id}`,
    );
    expect(removeAdmin.status).toBe(403);

    await context.close();
  });
});

test.describe('join requests', () => {
  test.use(signedInAs('editor'));

  test('search waits for two characters and a second request is refused', async ({
    page,
  }) => {
    const org = await createOrgAs('admin', 'twice');
    await page.goto('/orgs/join');
    const search = page.getByLabel('Organisation name');

    await search.fill('E');
    await expect(
      page.getByRole('button', { name: /^Ask to join/ }),
    ).toHaveCount(0);

    await search.fill(org.name);
    await page.getByRole('button', { name: `Ask to join ${org.name}` }).click();
    await expect(
      page.getByText(`Your request to join ${org.name} was sent.`),
    ).toBeVisible();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: org.name })
        .getByText('Awaiting approval'),
    ).toBeVisible();

    const roles = await callRydAs<UserRoles>(
      'editor',
      'GET',
      `/users/${editor.uid}/roles`,
    );
    const entries = roles.body!.data.reporting_orgs;
    const role = Array.isArray(entries)
      ? entries.find((entry) => entry.id === org.id)?.role
      : entries[org.id];
    expect(role).toBe('contributor_pending');

    const again = await callRydAs(
      'editor',
      'POST',
      `/users/${editor.uid}/reporting-org`,
      {
        body: { oid: org.id },
      },
    );
    expect(again.status).toBe(400);
  });
});
