import { expect, test, type Browser } from '@playwright/test';

import { demoTools, personas } from '@/lib/demo/personas';
import { seedOrgs } from '@/lib/demo/seed-data';

import { getE2eEnv } from '../support/env';
import { openPageAs, signedInAs } from '../support/auth-state';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { callRydAs } from '../support/ryd-api';
import { getRydAccessToken } from '../support/ryd-token';
import { signInAs } from '../support/sign-in';
import {
  addMember,
  createDatasetAs,
  createOrgAs,
  memberRow,
} from '../members/fixtures';

const tool = demoTools.publishingTool;

/** A browser signed in as the tool admin through the tool's own client. */
async function openToolAdminThroughTool(browser: Browser) {
  // Contexts made in a test start from the test's own signed-in state
  // unless told otherwise: this one starts signed out.
  const context = await browser.newContext({
    baseURL: getE2eEnv().appUrl,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await signInAs(page, 'toolAdmin', { client: 'tool' });

  return { context, page };
}

/** PATCH a dataset straight in RYD with a token of the tool's client. */
async function patchThroughTool(did: string, title: string) {
  const token = await getRydAccessToken('toolAdmin', { client: 'tool' });
  const response = await fetch(`${getE2eEnv().rydUrl}/datasets/${did}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ human_readable_name: title }),
  });

  return response.status;
}

test.describe('tool authorisations', () => {
  test.use(signedInAs('admin'));

  test('admin grants a tool, its admin edits a dataset through the tool, and loses access when it is revoked', async ({
    page,
    browser,
  }) => {
    const org = await createOrgAs('admin', 'tool');
    const dataset = await createDatasetAs('admin', org);

    // Before the grant the tool's staff reach nothing, through any client.
    expect(await patchThroughTool(dataset.id, 'Too early')).toBe(403);

    await page.goto(`/orgs/${org.id}/tools`);
    await expect(
      page.getByRole('heading', {
        name: 'What an authorised tool’s staff can do',
      }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: `Authorise ${tool.name}` }).click();
    const grant = page.getByRole('dialog', { name: `Authorise ${tool.name}?` });
    await expect(
      grant.getByText('make datasets public or private'),
    ).toBeVisible();
    await grant.getByRole('button', { name: 'Authorise tool' }).click();
    await expect(
      page.getByText(`${tool.name} may now act for ${org.name}.`),
    ).toBeVisible();
    await expect(
      memberRow(page, tool.name).getByText('Authorised', { exact: true }),
    ).toBeVisible();

    // Through the tool's client, the tool admin finds and edits the dataset.
    const asTool = await openToolAdminThroughTool(browser);
    await asTool.page.goto('/orgs');
    await expect(
      asTool.page
        .getByRole('region', { name: /Organisations your tool may act for/ })
        .getByRole('link', { name: org.name }),
    ).toBeVisible();
    const newTitle = `Edited by the tool ${Date.now()}`;
    await asTool.page.goto(`/datasets/${dataset.id}/edit`);
    await asTool.page.getByLabel('Title').fill(newTitle);
    await asTool.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(
      asTool.page.getByText('Your changes were saved.'),
    ).toBeVisible();
    await expect(
      asTool.page.getByRole('heading', { level: 1, name: newTitle }),
    ).toBeVisible();

    // Tool staff never appear among an admin's members.
    await page.goto(`/orgs/${org.id}/members`);
    await expect(page.getByRole('region', { name: /^Members/ })).toBeVisible();
    await expect(page.getByText(personas.toolAdmin.email)).toHaveCount(0);

    // The admin revokes; the tool admin's next request is refused.
    await page.goto(`/orgs/${org.id}/tools`);
    await page
      .getByRole('button', { name: `Withdraw authorisation of ${tool.name}` })
      .click();
    await page
      .getByRole('dialog', { name: `Withdraw ${tool.name}’s authorisation?` })
      .getByRole('button', { name: 'Withdraw authorisation' })
      .click();
    await expect(
      page.getByText(`${tool.name} may no longer act for ${org.name}.`),
    ).toBeVisible();

    await asTool.page.goto(`/datasets/${dataset.id}/edit`);
    await expect(
      asTool.page.getByRole('alert').getByText('You cannot open this'),
    ).toBeVisible();
    expect(await patchThroughTool(dataset.id, 'After revoke')).toBe(403);

    await asTool.context.close();
  });

  test('a contributor sees the tools but cannot grant or revoke them', async ({
    browser,
  }) => {
    const org = await createOrgAs('admin', 'toolro');
    await addMember(org, 'contributor', 'contributor');
    const { context, page } = await openPageAs(browser, 'contributor');

    await page.goto(`/orgs/${org.id}/tools`);
    await expect(
      page.getByText('No tool may act for this organisation.'),
    ).toBeVisible();
    await expect(page.getByText(tool.name)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Authorise/ })).toHaveCount(
      0,
    );

    const refused = await callRydAs(
      'contributor',
      'POST',
      `/reporting-orgs/${org.id}/tools`,
      {
        body: { tid: tool.tid },
      },
    );
    expect(refused.status).toBe(403);

    await context.close();
  });

  test('an editor may grant a tool, as the permission matrix allows', async ({
    browser,
  }) => {
    const org = await createOrgAs('admin', 'tooled');
    await addMember(org, 'editor', 'editor');
    const { context, page } = await openPageAs(browser, 'editor');

    await page.goto(`/orgs/${org.id}/tools`);
    await page.getByRole('button', { name: `Authorise ${tool.name}` }).click();
    await page
      .getByRole('dialog', { name: `Authorise ${tool.name}?` })
      .getByRole('button', { name: 'Authorise tool' })
      .click();
    await expect(
      page.getByText(`${tool.name} may now act for ${org.name}.`),
    ).toBeVisible();

    const listed = await callRydAs<{ id: string }[]>(
      'admin',
      'GET',
      `/reporting-orgs/${org.id}/tools`,
    );
    expect(listed.body?.data.map((entry) => entry.id)).toEqual([tool.tid]);

    await context.close();
  });
});

test.describe('tool admin through IATI Account', () => {
  test.use(signedInAs('toolAdmin'));

  test('is told to sign in through their tool and reaches no organisation', async ({
    page,
  }) => {
    await page.goto('/orgs');
    await expect(
      page.getByRole('status').filter({ hasText: 'Sign in through your tool' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto('/me/roles');
    await expect(page.getByText('Sign in through your tool')).toBeVisible();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: 'Sign in through the tool to open it.' })
        .first(),
    ).toBeVisible();

    // The seed authorised the tool for Kestrel; through this client RYD
    // still refuses the tool admin.
    await page.goto(`/orgs/${seedOrgs.kestrel.id}`);
    await expect(
      page.getByRole('alert').getByText('You cannot open this'),
    ).toBeVisible();
    const read = await callRydAs(
      'toolAdmin',
      'GET',
      `/reporting-orgs/${seedOrgs.kestrel.id}`,
    );
    expect(read.status).toBe(403);
  });
});

test('a tool admin signed in through the tool sees the organisations that authorised it', async ({
  browser,
}) => {
  const { context, page } = await openToolAdminThroughTool(browser);

  await page.goto('/orgs');
  const region = page.getByRole('region', {
    name: /Organisations your tool may act for/,
  });
  await expect(
    region.getByRole('link', { name: seedOrgs.kestrel.name }),
  ).toBeVisible();
  await expect(
    region.getByRole('link', { name: seedOrgs.sahel.name }),
  ).toBeVisible();
  await expect(
    region.getByRole('link', { name: seedOrgs.riverlands.name }),
  ).toHaveCount(0);

  await page.goto(`/orgs/${seedOrgs.kestrel.id}`);
  await expect(
    page.getByRole('link', { name: 'Edit organisation' }),
  ).toBeVisible();
  // Provider admins have no set-org-user-authz: no audit, no member changes.
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);

  await page.goto('/me/roles');
  await expect(
    page.getByRole('link', { name: seedOrgs.kestrel.name }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await context.close();
});
