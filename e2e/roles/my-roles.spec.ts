import { expect, test } from '@playwright/test';

import { personas } from '@/lib/demo/personas';
import { seedOrgs } from '@/lib/demo/seed-data';
import type { UserRoles } from '@/lib/ryd/schemas';

import { signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs } from '../support/ryd-api';

test.describe('admin', () => {
  test.use(signedInAs('admin'));

  test('my roles lists every organisation with the role and what it allows', async ({
    page,
  }) => {
    await page.goto('/me/roles');
    await expect(
      page.getByRole('heading', { level: 1, name: 'My roles' }),
    ).toBeVisible();
    const region = page.getByRole('region', { name: /^Organisations/ });
    for (const org of [seedOrgs.riverlands, seedOrgs.kestrel, seedOrgs.sahel]) {
      const row = region.getByRole('listitem').filter({
        has: page.getByRole('link', { name: org.name }),
      });
      await expect(row.getByText('Admin', { exact: true })).toBeVisible();
      await expect(row.getByText(/approve join requests/)).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page);

    // Another person's roles are refused straight from RYD.
    const other = await callRydAs(
      'admin',
      'GET',
      `/users/${personas.editor.uid}/roles`,
    );
    expect(other.status).toBe(403);
  });
});

test.describe('pending', () => {
  test.use(signedInAs('pending'));

  test('a pending request is shown as waiting, without a link', async ({
    page,
  }) => {
    await page.goto('/me/roles');
    const row = page
      .getByRole('listitem')
      .filter({ hasText: seedOrgs.sahel.name });
    await expect(row.getByText('Awaiting approval')).toBeVisible();
    await expect(row.getByRole('link')).toHaveCount(0);

    const roles = await callRydAs<UserRoles>(
      'pending',
      'GET',
      `/users/${personas.pending.uid}/roles`,
    );
    const entries = roles.body!.data.reporting_orgs;
    const role = Array.isArray(entries)
      ? entries.find((entry) => entry.id === seedOrgs.sahel.id)?.role
      : entries[seedOrgs.sahel.id];
    expect(role).toBe('contributor_pending');
  });
});
