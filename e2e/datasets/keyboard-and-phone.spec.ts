import { expect, test, type Locator, type Page } from '@playwright/test';

import { seedOrgs } from '@/lib/demo/seed-data';
import type { DatasetRead } from '@/lib/ryd/schemas';

import { signedInAs } from '../support/auth-state';
import { callRydAs, uniqueShortName } from '../support/ryd-api';

const { riverlands } = seedOrgs;

/** Most Tab presses any control of these pages should need. */
const MAX_TABS = 60;

/**
 * Presses Tab until the control has the focus, as a keyboard user moves
 * through the page; fails when it is never reached.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement))
      return;
  }
  throw new Error(`${String(target)} not reached with ${MAX_TABS} Tab presses`);
}

async function createDataset(): Promise<DatasetRead> {
  const shortName = uniqueShortName('e2e-kb');
  const reply = await callRydAs<DatasetRead>('editor', 'POST', '/datasets', {
    body: {
      owner_organisation_id: riverlands.id,
      short_name: shortName,
      human_readable_name: `E2E keyboard ${shortName}`,
      source_type: 'primary_source',
      url: `https://example.org/${shortName}.xml`,
      licence_id: 'cc-by',
      visibility: 'public',
    },
  });
  expect(reply.status).toBe(201);

  return reply.body!.data;
}

test.describe('keyboard only', () => {
  test.use(signedInAs('editor'));

  test('editor reaches a dataset, edits and saves it, and closes the delete dialog, all by keyboard', async ({
    page,
  }) => {
    const dataset = await createDataset();
    await page.goto('/orgs');

    await tabTo(page, page.getByRole('link', { name: riverlands.name }));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 1, name: riverlands.name }),
    ).toBeVisible();

    await page.goto(`/datasets/${dataset.id}`);
    await tabTo(page, page.getByRole('link', { name: 'Edit dataset' }));
    await page.keyboard.press('Enter');
    const title = page.getByLabel('Title');
    await expect(title).toBeVisible();
    await tabTo(page, title);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('E2E saved from the keyboard');
    await tabTo(page, page.getByRole('button', { name: 'Save changes' }));
    await page.keyboard.press('Enter');

    await expect(
      page.getByRole('status').filter({ hasText: 'saved' }),
    ).toHaveText('Your changes were saved.');
    const stored = await callRydAs<DatasetRead>(
      'editor',
      'GET',
      `/datasets/${dataset.id}`,
    );
    expect(stored.body?.data.metadata.human_readable_name).toBe(
      'E2E saved from the keyboard',
    );

    await page.goto(`/datasets/${dataset.id}`);
    const opener = page.getByRole('button', { name: 'Delete dataset' });
    await tabTo(page, opener);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    const kept = await callRydAs('editor', 'GET', `/datasets/${dataset.id}`);
    expect(kept.status).toBe(200);
  });
});

test.describe('at 360 px', () => {
  test.use({ ...signedInAs('admin'), viewport: { width: 360, height: 740 } });

  test('the main screens fit a phone: nothing wider than the screen, controls in reach', async ({
    page,
  }) => {
    const dataset = await createDataset();
    const screens = [
      '/orgs',
      `/orgs/${riverlands.id}`,
      `/orgs/${riverlands.id}/datasets`,
      `/datasets/${dataset.id}`,
      `/datasets/${dataset.id}/edit`,
      `/orgs/${riverlands.id}/members`,
      `/orgs/${riverlands.id}/tools`,
      '/me/roles',
    ];
    for (const screen of screens) {
      await page.goto(screen);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Sign out', exact: true }),
      ).toBeInViewport();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(
        overflow,
        `${screen} is wider than the screen`,
      ).toBeLessThanOrEqual(0);
    }
  });
});
