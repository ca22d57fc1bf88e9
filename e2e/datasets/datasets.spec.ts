import { expect, test, type Page } from '@playwright/test';

import { seedOrgs } from '@/lib/demo/seed-data';
import type { DatasetRead } from '@/lib/ryd/schemas';

import { signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs, uniqueShortName } from '../support/ryd-api';

const { riverlands, kestrel, sahel, meridian } = seedOrgs;

/** Creates a dataset straight in RYD, as the persona, for a test to act on. */
async function createDatasetInRyd(
  persona: 'admin' | 'editor' | 'contributor' | 'superadmin',
  oid: string,
  visibility: 'public' | 'private' = 'public',
): Promise<DatasetRead> {
  const shortName = uniqueShortName('e2e-ds');
  const reply = await callRydAs<DatasetRead>(persona, 'POST', '/datasets', {
    body: {
      owner_organisation_id: oid,
      short_name: shortName,
      human_readable_name: `E2E dataset ${shortName}`,
      source_type: 'primary_source',
      url: `https://example.org/${shortName}.xml`,
      licence_id: 'cc-by',
      visibility,
    },
  });
  expect(reply.status).toBe(201);

  return reply.body!.data;
}

/** Reads back as the superadmin, who sees 404 for a deleted dataset. */
async function readDataset(did: string) {
  return callRydAs<DatasetRead>('superadmin', 'GET', `/datasets/${did}`);
}

async function fillNewDataset(
  page: Page,
  values: { title: string; shortName: string; url: string },
) {
  await page.getByLabel('Title').fill(values.title);
  await page.getByLabel('Short name').fill(values.shortName);
  await page.getByLabel('Source URL').fill(values.url);
}

test.describe('admin', () => {
  test.use(signedInAs('admin'));

  test('admin pages, searches and filters 60 datasets of an organisation', async ({
    page,
  }) => {
    await page.goto(`/orgs/${riverlands.id}/datasets`);

    await expect(
      page.getByRole('heading', { level: 1, name: 'Datasets' }),
    ).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Pages of datasets' }),
    ).toContainText('Page 1 of');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(
      page.getByRole('navigation', { name: 'Pages of datasets' }),
    ).toContainText('Page 2 of');

    await page.getByLabel('File type').selectOption('organisation');
    await expect(
      page.getByRole('link', { name: `${riverlands.name} organisation file` }),
    ).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'match' }),
    ).toHaveText(/^1 dataset matches/);

    await page.getByLabel('File type').selectOption('');
    await page.getByLabel('Visibility').selectOption('private');
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Public' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Private' }).first(),
    ).toBeVisible();

    await page.getByLabel('Visibility').selectOption('');
    await page.getByLabel('Search by name').fill('Emergency response 02');
    await expect(
      page.getByRole('link', {
        name: `${riverlands.name} Emergency response 02`,
      }),
    ).toBeVisible();
  });

  test('admin deletes a dataset after confirming, and RYD no longer has it', async ({
    page,
  }) => {
    const dataset = await createDatasetInRyd('admin', kestrel.id);
    await page.goto(`/datasets/${dataset.id}`);

    await page.getByRole('button', { name: 'Delete dataset' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Delete dataset' }).click();

    await expect(page).toHaveURL(new RegExp(`/orgs/${kestrel.id}/datasets`));
    await expect(
      page.getByRole('status').filter({ hasText: 'deleted' }),
    ).toHaveText('The dataset was deleted.');
    expect((await readDataset(dataset.id)).status).toBe(404);
  });

  test('a dataset worked on is offered as "continue where you left off"', async ({
    page,
  }) => {
    const dataset = await createDatasetInRyd('admin', kestrel.id);
    await page.goto(`/datasets/${dataset.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      dataset.metadata.human_readable_name,
    );

    await page.goto('/orgs');
    const card = page.getByRole('complementary', {
      name: 'Continue where you left off',
    });
    await expect(
      card.getByRole('link', { name: dataset.metadata.human_readable_name }),
    ).toBeVisible();
  });
});

test.describe('editor', () => {
  test.use(signedInAs('editor'));

  test('editor adds a dataset; a bad short name is refused before sending and a taken one under the field', async ({
    page,
  }) => {
    const shortName = uniqueShortName('e2e-new');
    await page.goto(`/orgs/${riverlands.id}/datasets/new`);
    await expectNoSeriousA11yViolations(page);

    await fillNewDataset(page, {
      title: 'E2E editor dataset',
      shortName: 'Bad Name',
      url: 'https://example.org/a.xml',
    });
    await page.getByRole('button', { name: 'Add dataset' }).click();
    const shortNameField = page.getByLabel('Short name');
    await expect(shortNameField).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText(
        'Use only lowercase letters, digits, hyphens and underscores.',
      ),
    ).toBeVisible();

    await shortNameField.fill(`${riverlands.shortName}-01`);
    await page.getByRole('button', { name: 'Add dataset' }).click();
    await expect(
      page.getByText(
        'Another dataset already uses this short name. Choose a different short name.',
      ),
    ).toBeVisible();
    await expect(shortNameField).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);

    await shortNameField.fill(shortName);
    await page.getByLabel('Visibility').selectOption('private');
    await page.getByRole('button', { name: 'Add dataset' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'added' }),
    ).toHaveText('The dataset was added.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'E2E editor dataset',
    );
    const did = page.url().split('/datasets/')[1]!.split('?')[0]!;
    const stored = await readDataset(did);
    expect(stored.body?.data.metadata).toMatchObject({
      short_name: shortName,
      human_readable_name: 'E2E editor dataset',
      visibility: 'private',
    });
    expect(stored.body?.data.owner_organisation_id).toBe(riverlands.id);
  });

  test('editor changes title, licence, language and visibility, and RYD holds the change', async ({
    page,
  }) => {
    const dataset = await createDatasetInRyd('editor', riverlands.id);
    await page.goto(`/datasets/${dataset.id}/edit`);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Title').fill('E2E renamed by editor');
    await page.getByLabel('Licence').selectOption('cc-zero');
    await page.getByLabel('Language').selectOption({ label: 'French' });
    await page.getByLabel('Visibility').selectOption('private');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'saved' }),
    ).toHaveText('Your changes were saved.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'E2E renamed by editor',
    );
    const stored = await readDataset(dataset.id);
    expect(stored.body?.data.metadata).toMatchObject({
      human_readable_name: 'E2E renamed by editor',
      licence_id: 'cc-zero',
      language: 'fr',
      visibility: 'private',
    });
    await page.goto(`/datasets/${dataset.id}`);
    await expect(
      page.getByRole('definition').filter({ hasText: 'French' }),
    ).toBeVisible();
  });

  test('a dataset changed elsewhere while editing gives a reload, not an overwrite', async ({
    page,
  }) => {
    const dataset = await createDatasetInRyd('editor', riverlands.id);
    await page.goto(`/datasets/${dataset.id}/edit`);
    await page.getByLabel('Title').fill('E2E from the web app');

    const current = await callRydAs('editor', 'GET', `/datasets/${dataset.id}`);
    const patch = await callRydAs(
      'editor',
      'PATCH',
      `/datasets/${dataset.id}`,
      {
        body: { human_readable_name: 'E2E from another tool' },
        ifMatch: current.etag ?? undefined,
      },
    );
    expect(patch.status).toBe(200);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'This dataset was changed by someone else while you were editing.',
    );
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByLabel('Title')).toHaveValue('E2E from another tool');
    expect(
      (await readDataset(dataset.id)).body?.data.metadata.human_readable_name,
    ).toBe('E2E from another tool');
  });
});

test.describe('contributor', () => {
  test.use(signedInAs('contributor'));

  test('contributor adds a dataset, which starts private without a visibility choice', async ({
    page,
  }) => {
    const shortName = uniqueShortName('e2e-contrib');
    await page.goto(`/orgs/${riverlands.id}/datasets/new`);

    await expect(page.getByLabel('Visibility')).toHaveCount(0);
    await fillNewDataset(page, {
      title: 'E2E contributor dataset',
      shortName,
      url: 'https://example.org/contrib.xml',
    });
    await page.getByRole('button', { name: 'Add dataset' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'E2E contributor dataset',
    );
    await expect(
      page.getByRole('button', { name: 'Delete dataset' }),
    ).toHaveCount(0);
    const did = page.url().split('/datasets/')[1]!.split('?')[0]!;
    expect((await readDataset(did)).body?.data.metadata.visibility).toBe(
      'private',
    );
  });

  test('contributor edits a dataset without the visibility field or delete action', async ({
    page,
  }) => {
    const dataset = await createDatasetInRyd('admin', riverlands.id);
    await page.goto(`/datasets/${dataset.id}`);
    await expect(
      page.getByRole('button', { name: 'Delete dataset' }),
    ).toHaveCount(0);
    await page.getByRole('link', { name: 'Edit dataset' }).click();

    await expect(page.getByLabel('Visibility')).toHaveCount(0);
    await page.getByLabel('Source URL').fill('https://example.org/moved.xml');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'saved' }),
    ).toBeVisible();
    expect((await readDataset(dataset.id)).body?.data.metadata).toMatchObject({
      url: 'https://example.org/moved.xml',
      visibility: 'public',
    });
  });

  test('RYD refuses the hidden actions when a contributor sends them directly', async () => {
    const dataset = await createDatasetInRyd('admin', riverlands.id);
    const current = await callRydAs(
      'contributor',
      'GET',
      `/datasets/${dataset.id}`,
    );

    const visibility = await callRydAs(
      'contributor',
      'PATCH',
      `/datasets/${dataset.id}`,
      {
        body: { visibility: 'private' },
        ifMatch: current.etag ?? undefined,
      },
    );
    const removal = await callRydAs(
      'contributor',
      'DELETE',
      `/datasets/${dataset.id}`,
      {
        ifMatch: current.etag ?? undefined,
      },
    );

    expect(visibility.status).toBe(403);
    expect(removal.status).toBe(403);
    expect((await readDataset(dataset.id)).body?.data.metadata.visibility).toBe(
      'public',
    );
  });
});

test.describe('pending', () => {
  test.use(signedInAs('pending'));

  test('a pending member cannot list datasets: a sentence in the app, 403 from RYD', async ({
    page,
  }) => {
    await page.goto(`/orgs/${sahel.id}/datasets`);

    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'does not allow this',
    );
    await expect(page.getByRole('link', { name: 'Add a dataset' })).toHaveCount(
      0,
    );
    await expectNoSeriousA11yViolations(page);
    expect(
      (
        await callRydAs(
          'pending',
          'GET',
          `/reporting-orgs/${sahel.id}/datasets`,
        )
      ).status,
    ).toBe(403);
    const create = await callRydAs('pending', 'POST', '/datasets', {
      body: {
        owner_organisation_id: sahel.id,
        short_name: uniqueShortName('e2e-pending'),
        human_readable_name: 'Should not exist',
        source_type: 'primary_source',
        url: 'https://example.org/x.xml',
        licence_id: 'cc-by',
        visibility: 'public',
      },
    });
    expect(create.status).toBe(403);
  });
});

test.describe('superadmin', () => {
  test.use(signedInAs('superadmin'));

  test('superadmin adds and deletes a dataset in an organisation they are not a member of', async ({
    page,
  }) => {
    const shortName = uniqueShortName('e2e-super');
    await page.goto(`/orgs/${meridian.id}/datasets/new`);
    await fillNewDataset(page, {
      title: 'E2E superadmin dataset',
      shortName,
      url: 'https://example.org/super.xml',
    });
    await page.getByRole('button', { name: 'Add dataset' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'E2E superadmin dataset',
    );
    await expect(page.getByText('Superadmin', { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const did = page.url().split('/datasets/')[1]!.split('?')[0]!;

    await page.getByRole('button', { name: 'Delete dataset' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Delete dataset' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: 'deleted' }),
    ).toBeVisible();
    expect((await readDataset(did)).status).toBe(404);
  });
});
