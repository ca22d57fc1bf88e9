import { expect, test } from '@playwright/test';

import { seedOrgs } from '@/lib/demo/seed-data';

import { signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs } from '../support/ryd-api';
import { createOrgAs } from '../members/fixtures';

const { riverlands, kestrel, sahel, openHarvest, meridian } = seedOrgs;

test.describe('admin', () => {
  test.use(signedInAs('admin'));

  test('admin sees every organisation they hold a role in, with role and dataset count', async ({
    page,
  }) => {
    await page.goto('/orgs');

    await expect(
      page.getByRole('heading', { level: 1, name: 'My organisations' }),
    ).toBeVisible();
    const list = page
      .getByRole('list')
      .filter({ has: page.getByRole('link', { name: kestrel.name }) });
    for (const org of [riverlands, kestrel, sahel, openHarvest]) {
      await expect(list.getByRole('link', { name: org.name })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: meridian.name })).toHaveCount(
      0,
    );
    const held = await callRydAs<unknown[]>(
      'admin',
      'GET',
      `/reporting-orgs/${kestrel.id}/datasets?page_size=1`,
    );
    const datasetCount = (
      held.body as { pagination: { total_records: number } } | null
    )?.pagination.total_records;
    const kestrelRow = list
      .getByRole('listitem')
      .filter({ hasText: kestrel.name });
    await expect(kestrelRow).toContainText('Admin');
    await expect(kestrelRow).toContainText(kestrel.identifier);
    await expect(kestrelRow).toContainText(`${datasetCount} datasets`);
    await expectNoSeriousA11yViolations(page);
  });

  test('admin searches their organisations by name', async ({ page }) => {
    await page.goto('/orgs');
    await page.getByLabel('Search organisations by name').fill('kestrel');

    await expect(
      page.getByRole('status').filter({ hasText: 'match' }),
    ).toHaveText('1 organisation matches “kestrel”.');
    await expect(page.getByRole('link', { name: kestrel.name })).toBeVisible();
    await expect(page.getByRole('link', { name: riverlands.name })).toHaveCount(
      0,
    );
    await expect(page).toHaveURL(/q=kestrel/);

    await page
      .getByLabel('Search organisations by name')
      .fill('no such organisation');
    await expect(
      page.getByText('No organisations match “no such organisation”.'),
    ).toBeVisible();
  });

  test('admin opens an organisation and sees its metadata and the actions an admin has', async ({
    page,
  }) => {
    await page.goto('/orgs');
    await page.getByRole('link', { name: kestrel.name }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: kestrel.name }),
    ).toBeVisible();
    await expect(page.getByText(kestrel.identifier)).toBeVisible();
    await expect(page.getByText('Foundation', { exact: true })).toBeVisible();
    await expect(page.getByText('United States of America')).toBeVisible();
    for (const name of ['Edit organisation', 'Add a dataset', 'Members']) {
      await expect(page.getByRole('link', { name })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: /^Datasets/ })).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Delete organisation' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the header shows the product, the navigation, the person and sign-out, but no superadmin view', async ({
    page,
  }) => {
    await page.goto('/orgs');
    const nav = page.getByRole('navigation', { name: 'Main' });

    await expect(
      page.getByRole('link', { name: 'IATI Account' }),
    ).toBeVisible();
    await expect(
      nav.getByRole('link', { name: 'My organisations' }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'My roles' })).toBeVisible();
    await expect(
      nav.getByRole('link', { name: 'Join an organisation' }),
    ).toBeVisible();
    await expect(
      nav.getByRole('link', { name: 'All organisations' }),
    ).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText('Ada Admin');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.goto('/admin/orgs');
    await expect(
      page.getByText('This list is for IATI Secretariat superadmins.'),
    ).toBeVisible();
  });

  test('an organisation the admin is not in is refused in a sentence, as RYD refuses it', async ({
    page,
  }) => {
    // RYD answers 403 for ids outside the caller's roles, whether or not the
    // organisation exists (contract §2.3).
    await page.goto('/orgs/00000000-0000-4000-8000-000000000000');

    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'does not allow this',
    );
    await expect(
      page.getByRole('link', { name: 'Back to my organisations' }),
    ).toBeVisible();
  });
});

test.describe('editor', () => {
  test.use(signedInAs('editor'));

  test('editor sees their one organisation and the actions an editor has', async ({
    page,
  }) => {
    await page.goto('/orgs');
    const row = page.getByRole('listitem').filter({ hasText: riverlands.name });
    await expect(row).toContainText('Editor');

    await row.getByRole('link', { name: riverlands.name }).click();
    await expect(
      page.getByRole('link', { name: 'Edit organisation' }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Add a dataset' }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Delete organisation' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: 'Create an organisation' }),
    ).toHaveCount(0);
  });

  test('without the create scope the create control is absent and joining is offered', async ({
    page,
  }) => {
    await page.goto('/orgs');

    await expect(
      page.getByRole('link', { name: 'Create an organisation' }),
    ).toHaveCount(0);
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Some actions are not available to you' });
    await expect(notice.getByRole('listitem')).toHaveText([
      'create organisations',
    ]);
    await expect(
      page
        .getByRole('main')
        .getByRole('link', { name: 'Join an organisation' }),
    ).toBeVisible();

    await page.goto('/orgs/new');
    await expect(
      page.getByText('Creating organisations is not available to you'),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Create organisation' }),
    ).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('RYD refuses an editor who deletes the organisation directly', async () => {
    const org = await callRydAs(
      'editor',
      'GET',
      `/reporting-orgs/${riverlands.id}`,
    );
    const reply = await callRydAs(
      'editor',
      'DELETE',
      `/reporting-orgs/${riverlands.id}`,
      {
        ifMatch: org.etag ?? undefined,
      },
    );

    expect(reply.status).toBe(403);
    expect(
      (await callRydAs('admin', 'GET', `/reporting-orgs/${riverlands.id}`))
        .status,
    ).toBe(200);
  });
});

test.describe('contributor', () => {
  test.use(signedInAs('contributor'));

  test('contributor sees the organisation without edit or delete actions', async ({
    page,
  }) => {
    await page.goto(`/orgs/${riverlands.id}`);

    await expect(
      page.getByRole('heading', { level: 1, name: riverlands.name }),
    ).toBeVisible();
    await expect(page.getByText('Contributor', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Edit organisation' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: 'Delete organisation' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: 'Add a dataset' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the edit page explains a contributor may not edit, and RYD refuses the change', async ({
    page,
  }) => {
    await page.goto(`/orgs/${riverlands.id}/edit`);
    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'Your role in this organisation does not allow this',
    );
    await expect(
      page.getByRole('button', { name: 'Save changes' }),
    ).toHaveCount(0);

    const org = await callRydAs(
      'contributor',
      'GET',
      `/reporting-orgs/${riverlands.id}`,
    );
    const reply = await callRydAs(
      'contributor',
      'PATCH',
      `/reporting-orgs/${riverlands.id}`,
      {
        body: { description: 'Changed by a contributor' },
        ifMatch: org.etag ?? undefined,
      },
    );
    expect(reply.status).toBe(403);
  });
});

test.describe('pending', () => {
  test.use(signedInAs('pending'));

  test('a pending member sees the organisation as awaiting approval, without a link', async ({
    page,
  }) => {
    await page.goto('/orgs');
    const row = page.getByRole('listitem').filter({ hasText: sahel.name });

    await expect(row).toContainText('Awaiting approval');
    await expect(row.getByRole('link')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('opening the organisation explains the refusal in a sentence, and RYD refuses it too', async ({
    page,
  }) => {
    await page.goto(`/orgs/${sahel.id}`);

    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'does not allow this',
    );
    await expect(
      page.getByRole('link', { name: 'Edit organisation' }),
    ).toHaveCount(0);
    expect(
      (await callRydAs('pending', 'GET', `/reporting-orgs/${sahel.id}`)).status,
    ).toBe(403);
  });
});

test.describe('superadmin', () => {
  test.use(signedInAs('superadmin'));

  test('superadmin lists, searches and pages every organisation', async ({
    page,
  }) => {
    // More than one page of 20, however many other tests have added.
    const totalOf = async () => {
      const reply = await callRydAs(
        'superadmin',
        'GET',
        '/reporting-orgs?all=yes&page_size=1',
      );
      const body = reply.body as { pagination?: { total_records?: number } };

      return Number(body.pagination?.total_records);
    };
    for (let count = await totalOf(); count <= 20; count += 1) {
      await createOrgAs('admin', 'paging');
    }

    await page.goto('/orgs');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'All organisations' })
      .click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'All organisations' }),
    ).toBeVisible();
    // Other tests add and delete organisations meanwhile: the exact count
    // is compared with RYD's in the real-data suite.
    const shown = page.getByText(/^[\d,]+ organisations\.$/);
    await expect(shown).toBeVisible();
    const shownTotal = Number((await shown.innerText()).replace(/\D/g, ''));
    expect(shownTotal).toBeGreaterThan(20);
    await expectNoSeriousA11yViolations(page);

    const pages = page.getByRole('navigation', {
      name: 'Pages of organisations',
    });
    await expect(pages).toContainText('Page 1 of');
    await pages.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pages).toContainText('Page 2 of');

    await page.getByLabel('Search organisations by name').fill('meridian');
    await expect(page.getByRole('link', { name: meridian.name })).toBeVisible();
    await expect(page.getByRole('link', { name: riverlands.name })).toHaveCount(
      0,
    );
  });

  test('an unknown organisation shows the not-found page to a superadmin', async ({
    page,
  }) => {
    await page.goto('/orgs/00000000-0000-4000-8000-000000000000');

    await expect(
      page.getByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('superadmin opens any organisation with every action', async ({
    page,
  }) => {
    await page.goto(`/orgs/${meridian.id}`);

    await expect(page.getByText('Superadmin', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Edit organisation' }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Delete organisation' }),
    ).toBeVisible();
  });
});
