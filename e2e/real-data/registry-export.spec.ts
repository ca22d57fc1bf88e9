import { getRydAccessToken } from '../support/ryd-token';
import { signInAs, signOut } from '../support/sign-in';
import { ADMIN_ORGS, expect, test } from './fixtures';
import { hasRegistryExport } from './registry-export';

type Paged = { data: unknown[]; pagination: { total_records: number } };

test.describe.configure({ mode: 'serial' });
test.skip(
  !hasRegistryExport(),
  'No IATI Registry export at ../shared/data/ckan, so the real-data suite does not run',
);

test.describe('the full IATI Registry export', () => {
  test('RYD reports as many organisations and datasets as the export holds', async ({
    realData,
  }) => {
    const { e2e, registry } = realData;
    const stack = e2e.env;
    const get = async (token: string, path: string): Promise<Paged> => {
      const response = await fetch(`${stack.rydUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status, path).toBe(200);

      return (await response.json()) as Paged;
    };
    const adminToken = await getRydAccessToken('admin', { stack });
    const superadminToken = await getRydAccessToken('superadmin', { stack });

    const discoverable = await get(
      superadminToken,
      '/discoverable-reporting-orgs?page_size=1',
    );
    const activeOrgs = registry.orgs.filter((org) => org.state === 'active');
    expect(discoverable.pagination.total_records).toBe(activeOrgs.length);

    const mine = await get(adminToken, '/reporting-orgs?page_size=10');
    expect(mine.pagination.total_records).toBe(ADMIN_ORGS.length);

    for (const shortName of ADMIN_ORGS) {
      const org = registry.findOrg(shortName);
      const datasets = await get(
        adminToken,
        `/reporting-orgs/${org.id}/datasets?page_size=1`,
      );
      expect(datasets.pagination.total_records, shortName).toBe(
        registry.countDatasets(org.id),
      );
    }
  });

  test('an admin finds their real organisations and pages and searches the largest', async ({
    page,
    realData,
  }) => {
    const { registry } = realData;
    await signInAs(page, 'admin');

    await page.goto('/orgs');
    for (const shortName of ADMIN_ORGS) {
      const org = registry.findOrg(shortName);
      const row = page.getByRole('listitem').filter({
        has: page.getByRole('link', { name: org.title, exact: true }),
      });
      const count = registry.countDatasets(org.id);
      await expect(row).toContainText(
        `${count.toLocaleString('en')} ${count === 1 ? 'dataset' : 'datasets'}`,
      );
    }

    const globalFund = registry.findOrg('theglobalfund');
    const total = registry.countDatasets(globalFund.id);
    await page.goto(`/orgs/${globalFund.id}/datasets`);
    const pager = page.getByRole('navigation', { name: 'Pages of datasets' });
    await expect(pager).toContainText(
      `(${total.toLocaleString('en')} datasets)`,
    );
    await expect(pager).toContainText('Page 1 of');
    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect(pager).toContainText('Page 2 of');

    const sought = [...registry.datasetsOf(globalFund.id)].sort((a, b) =>
      a.name.localeCompare(b.name),
    )[Math.floor(total / 2)];
    if (!sought)
      throw new Error('The Global Fund has no datasets in the export');
    await page.getByLabel('Search by name').fill(sought.name);
    await expect(
      page.getByRole('link', { name: sought.name, exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('status')).toContainText('match');
  });

  test('an admin edits a real dataset and a real organisation', async ({
    page,
    realData,
  }) => {
    const { registry } = realData;
    const fcdo = registry.findOrg('fcdo');
    const dataset = registry.datasetsOf(fcdo.id)[0];
    if (!dataset) throw new Error('FCDO has no datasets in the export');
    const stamp = Date.now().toString(36);
    await signInAs(page, 'admin');

    await page.goto(`/datasets/${dataset.id}/edit`);
    const datasetTitle = `FCDO activities (edited ${stamp})`;
    await page.getByLabel('Title').fill(datasetTitle);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/datasets/${dataset.id}\\?saved`));
    await expect(
      page.getByRole('heading', { level: 1, name: datasetTitle }),
    ).toBeVisible();

    await page.goto(`/orgs/${fcdo.id}/edit`);
    const description = `Edited in the real-data test ${stamp}.`;
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${fcdo.id}\\?saved`));
    await expect(page.getByText(description)).toBeVisible();
  });

  test('a superadmin finds any real organisation by name, then signs out of SSO', async ({
    page,
    realData,
  }) => {
    const { registry } = realData;
    // Not one the demo admin holds a role in.
    const anyOrg = registry.findOrg('malariaconsortium');
    await signInAs(page, 'superadmin');

    await page.goto('/admin/orgs');
    await expect(page.getByRole('status')).toContainText(
      `${registry.orgs.length.toLocaleString('en')} organisations`,
    );
    await page.getByLabel('Search organisations by name').fill(anyOrg.title);
    await page.getByRole('link', { name: anyOrg.title, exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: anyOrg.title }),
    ).toBeVisible();

    // Signing out ends the SSO session too: signing in again needs the
    // password.
    await signOut(page);
    const again = await signInAs(page, 'superadmin');
    expect(again.sawPasswordForm).toBe(true);
  });
});
