import { expect, test } from '@playwright/test';

import { signedInAs } from '../support/auth-state';

/** Every page that takes an organisation or a dataset id from its address. */
const PAGES = [
  '/orgs/not-a-uuid',
  '/orgs/not-a-uuid/audit',
  '/orgs/not-a-uuid/datasets',
  '/orgs/not-a-uuid/datasets/new',
  '/orgs/not-a-uuid/edit',
  '/orgs/not-a-uuid/members',
  '/orgs/not-a-uuid/tools',
  '/datasets/not-a-uuid',
  '/datasets/not-a-uuid/edit',
];

test.describe('malformed ids', () => {
  test.use(signedInAs('admin'));

  for (const path of PAGES) {
    test(`${path} shows the not-found page with HTTP 404`, async ({ page }) => {
      const response = await page.goto(path);

      expect(response?.status()).toBe(404);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Page not found' }),
      ).toBeVisible();
      await expect(page.getByText('The request was not accepted')).toHaveCount(
        0,
      );
    });
  }

  test('the pages beside the organisation id still open', async ({ page }) => {
    for (const path of ['/orgs/new', '/orgs/join']) {
      const response = await page.goto(path);

      expect(response?.status(), path).toBe(200);
    }
  });
});
