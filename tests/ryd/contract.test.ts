/**
 * Contract behaviour: pagination and links, envelopes and status codes for
 * bad input, org creation, join requests, roles, tools and licences.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoTools, personas } from '@/lib/demo/personas';
import { seedOrgs } from '@/lib/demo/seed-data';
import { PERMISSION_MATRIX } from '@/lib/ryd/permissions';
import {
  datasetListSchema,
  datasetResponseSchema,
  discoverableOrgListSchema,
  errorEnvelopeSchema,
  licenceListSchema,
  MAX_DESCRIPTION,
  orgRelationListSchema,
  orgRelationResponseSchema,
  orgUserListSchema,
  permissionListSchema,
  toolListSchema,
  userRolesResponseSchema,
} from '@/lib/ryd/schemas';
import { memberships, outbox } from '@/services/ryd/src/db/schema';

import { createOrgFixture, newDatasetBody } from '../support/ryd-fixtures';
import {
  errorCodeOf,
  startRydForTest,
  type RydTestContext,
} from '../support/ryd-server';

let ctx: RydTestContext;

beforeAll(async () => {
  ctx = await startRydForTest();
});

afterAll(async () => {
  await ctx?.stop();
});

const riverlands = seedOrgs.riverlands;

describe('pagination', () => {
  const path = `/reporting-orgs/${riverlands.id}/datasets`;

  it('pages 60 datasets with absolute links that keep other parameters', async () => {
    const response = await ctx.call(
      'GET',
      `${path}?sort=-name&page=2&page_size=25`,
      {
        as: 'editor',
      },
    );
    const body = datasetListSchema.parse(response.body);

    expect(response.status).toBe(200);
    expect(body.data).toHaveLength(25);
    expect(body.pagination).toMatchObject({
      page: 2,
      page_size: 25,
      total_pages: 3,
      total_records: riverlands.datasetCount,
    });
    expect(body.pagination.links.next).toBe(
      `${ctx.api}${path}?sort=-name&page=3&page_size=25`,
    );
    expect(body.pagination.links.prev).toBe(
      `${ctx.api}${path}?sort=-name&page=1&page_size=25`,
    );
    expect(body.pagination.links.first).toContain('page=1&page_size=25');
    expect(body.pagination.links.last).toContain('page=3&page_size=25');
    const names = body.data.map((item) =>
      item.metadata.human_readable_name.toLowerCase(),
    );
    expect(names).toEqual([...names].sort().reverse());
  });

  it('the last page has no next link; a page past the end is empty', async () => {
    const last = datasetListSchema.parse(
      (await ctx.call('GET', `${path}?page=3&page_size=25`, { as: 'editor' }))
        .body,
    );
    const beyond = datasetListSchema.parse(
      (await ctx.call('GET', `${path}?page=9&page_size=25`, { as: 'editor' }))
        .body,
    );

    expect(last.data).toHaveLength(10);
    expect(last.pagination.links.next).toBeNull();
    expect(beyond.data).toEqual([]);
    expect(beyond.pagination.page).toBe(9);
    expect(beyond.pagination.total_records).toBe(60);
    expect(beyond.pagination.links.prev).toContain('page=3&');
  });

  it('filters by file type, visibility and search term', async () => {
    const organisation = datasetListSchema.parse(
      (
        await ctx.call('GET', `${path}?file_type=organisation`, {
          as: 'editor',
        })
      ).body,
    );
    const privateOnes = datasetListSchema.parse(
      (
        await ctx.call('GET', `${path}?visibility=private&page_size=500`, {
          as: 'editor',
        })
      ).body,
    );
    const search = datasetListSchema.parse(
      (await ctx.call('GET', `${path}?q=research`, { as: 'editor' })).body,
    );

    expect(organisation.data.map((item) => item.metadata.file_type)).toEqual([
      'organisation',
    ]);
    expect(privateOnes.data.length).toBeGreaterThan(0);
    expect(
      privateOnes.data.every((item) => item.metadata.visibility === 'private'),
    ).toBe(true);
    expect(search.data.length).toBeGreaterThan(0);
    expect(
      search.data.every((item) =>
        item.metadata.human_readable_name.toLowerCase().includes('research'),
      ),
    ).toBe(true);
  });

  it.each([
    'page=0',
    'page_size=0',
    'page_size=501',
    'page=',
    'page=abc',
    'page_size=1.5',
    'q=a',
    'sort=size',
  ])('refuses %s with 400', async (query) => {
    const response = await ctx.call('GET', `${path}?${query}`, {
      as: 'editor',
    });

    expect(response.status).toBe(400);
    expect(errorCodeOf(response.body)).toBe('validation_error');
  });

  it('superadmins page through every organisation with all=yes and search', async () => {
    const all = orgRelationListSchema.parse(
      (
        await ctx.call('GET', '/reporting-orgs?all=yes&page_size=5', {
          as: 'superadmin',
        })
      ).body,
    );
    const search = orgRelationListSchema.parse(
      (
        await ctx.call('GET', '/reporting-orgs?all=yes&q=kestrel', {
          as: 'superadmin',
        })
      ).body,
    );
    const notSuperadmin = await ctx.call('GET', '/reporting-orgs?all=yes', {
      as: 'admin',
    });

    expect(all.data).toHaveLength(5);
    expect(all.pagination.total_records).toBeGreaterThanOrEqual(12);
    expect(search.data.map((org) => org.id)).toEqual([seedOrgs.kestrel.id]);
    expect(search.data[0]?.user_role).toBe('super_admin');
    // Kestrel's seed: 8 datasets, as the admin's own list counts them too.
    expect(search.data[0]?.dataset_count).toBe(8);
    expect(notSuperadmin.status).toBe(403);
  });
});

describe('E2 my organisations', () => {
  it('lists roles, dataset counts, and 6-key metadata for a pending request', async () => {
    const admin = orgRelationListSchema.parse(
      (await ctx.call('GET', '/reporting-orgs')).body,
    );
    const pending = orgRelationListSchema.parse(
      (await ctx.call('GET', '/reporting-orgs', { as: 'pending' })).body,
    );

    const river = admin.data.find((org) => org.id === riverlands.id);
    expect(river?.user_role).toBe('admin');
    expect(river?.dataset_count).toBe(60);
    expect(Object.keys(river?.metadata ?? {})).toHaveLength(20);
    const request = pending.data.find((org) => org.id === seedOrgs.sahel.id);
    expect(request?.user_role).toBe('contributor_pending');
    expect(Object.keys(request?.metadata ?? {}).sort()).toEqual([
      'hq_country',
      'human_readable_name',
      'organisation_identifier',
      'region',
      'short_name',
      'website',
    ]);
  });

  it('does not list orgs reached only as provider admin', async () => {
    const tool = orgRelationListSchema.parse(
      (
        await ctx.call('GET', '/reporting-orgs', {
          as: 'toolAdmin',
          client: 'tool',
        })
      ).body,
    );

    expect(tool.data).toEqual([]);
  });
});

describe('bad input never becomes a 500', () => {
  it.each([
    ['GET', '/no-such-route', 404],
    ['GET', '/reporting-orgs/', 404],
    ['PUT', '/tools', 405],
    ['DELETE', '/reporting-orgs', 405],
    ['GET', '/reporting-orgs/not-a-uuid', 400],
    ['GET', '/datasets/12345', 400],
  ])('%s %s -> %i in the RYD envelope', async (method, path, status) => {
    const response = await ctx.call(method, path);

    expect(response.status).toBe(status);
    expect(errorEnvelopeSchema.safeParse(response.body).success).toBe(true);
  });

  it('405 names the allowed methods', async () => {
    const response = await ctx.call('PUT', '/tools');

    expect(response.headers.get('allow')).toContain('GET');
  });

  it('malformed JSON is a 400 before authentication', async () => {
    const response = await ctx.call('POST', '/datasets', {
      as: null,
      body: '{"broken": ',
    });

    expect(response.status).toBe(400);
    expect(errorCodeOf(response.body)).toBe('validation_error');
  });

  it.each([
    ['a wrong type', { description: 42 }],
    ['a huge string', { description: 'x'.repeat(MAX_DESCRIPTION + 1) }],
    ['an array body', [1, 2]],
    ['a null body', null],
  ])('PATCH with %s -> 400', async (_, body) => {
    const response = await ctx.call(
      'PATCH',
      `/reporting-orgs/${riverlands.id}`,
      {
        body: JSON.stringify(body),
      },
    );

    expect(response.status).toBe(400);
  });

  it('an oversized body -> 413', async () => {
    const response = await ctx.call(
      'PATCH',
      `/reporting-orgs/${riverlands.id}`,
      {
        body: { description: 'x'.repeat(70_000) },
      },
    );

    expect(response.status).toBe(413);
  });

  it('a 413 closes the connection, so the next request is answered', async () => {
    // The unread rest of a large body cannot be followed by another request
    // on the same connection; a reused keep-alive socket used to hang up.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const { port } = new URL(ctx.api);
    const send = (body: string) =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        const request = http.request(
          {
            agent,
            host: '127.0.0.1',
            port: Number(port),
            method: 'PATCH',
            path: `/api/v1/reporting-orgs/${riverlands.id}`,
            headers: { 'content-type': 'application/json' },
          },
          (response) => response.resume().on('end', () => resolve(response)),
        );
        request.on('error', reject);
        request.end(body);
      });

    const oversized = await send(
      JSON.stringify({ description: 'x'.repeat(1_000_000) }),
    );
    const next = await send('{}').finally(() => agent.destroy());

    expect(oversized.statusCode).toBe(413);
    expect(oversized.headers.connection).toBe('close');
    expect(next.statusCode).toBe(401);
  });

  it('a body that is not UTF-8 is a 400 before authentication', async () => {
    const response = await fetch(`${ctx.api}/reporting-orgs/${riverlands.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      // {"description":"caf\xe9"}: Latin-1, not UTF-8.
      body: Buffer.concat([
        Buffer.from('{"description":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}'),
      ]),
    });

    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.json())).toBe('validation_error');
  });

  it('a non-JSON content type -> 415', async () => {
    const response = await ctx.call(
      'PATCH',
      `/reporting-orgs/${riverlands.id}`,
      {
        body: 'description=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    );

    expect(response.status).toBe(415);
  });

  it('a bad role -> 400 naming the allowed values', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const response = await ctx.call(
      'PUT',
      `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`,
      {
        body: { role: 'provider_admin' },
      },
    );

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(
      "'admin', 'editor' or 'contributor'",
    );
  });

  it('path UUIDs are case-insensitive', async () => {
    const response = await ctx.call(
      'GET',
      `/reporting-orgs/${riverlands.id.toUpperCase()}`,
    );

    expect(response.status).toBe(200);
  });
});

describe('dataset language (extension)', () => {
  it('takes an IATI Language code, refuses anything else, and clears on null', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const body = newDatasetBody(fixture.oid);

    const created = await ctx.call('POST', '/datasets', {
      as: 'editor',
      body: { ...body, language: 'fr' },
    });
    const unknownCode = await ctx.call('POST', '/datasets', {
      as: 'editor',
      body: { ...newDatasetBody(fixture.oid), language: 'xx' },
    });
    const freeText = await ctx.call('POST', '/datasets', {
      as: 'editor',
      body: { ...newDatasetBody(fixture.oid), language: 'French' },
    });

    expect(created.status).toBe(201);
    const dataset = datasetResponseSchema.parse(created.body).data;
    expect(dataset.metadata.language).toBe('fr');
    expect(unknownCode.status).toBe(400);
    expect(freeText.status).toBe(400);
    expect(JSON.stringify(freeText.body)).toContain(
      'Choose a language from the list.',
    );

    const untouched = await ctx.call('PATCH', `/datasets/${dataset.id}`, {
      as: 'editor',
      body: { human_readable_name: 'Renamed' },
    });
    expect(
      datasetResponseSchema.parse(untouched.body).data.metadata.language,
    ).toBe('fr');

    const refused = await ctx.call('PATCH', `/datasets/${dataset.id}`, {
      as: 'editor',
      body: { language: 'FR' },
    });
    const cleared = await ctx.call('PATCH', `/datasets/${dataset.id}`, {
      as: 'editor',
      body: { language: null },
    });
    const read = await ctx.call('GET', `/datasets/${dataset.id}`, {
      as: 'editor',
    });

    expect(refused.status).toBe(400);
    expect(cleared.status).toBe(200);
    expect(datasetResponseSchema.parse(read.body).data.metadata).toMatchObject({
      human_readable_name: 'Renamed',
      language: null,
    });
  });
});

describe('E3 create an organisation', () => {
  it('makes the creator admin, queues the approval message and refuses duplicates', async () => {
    const shortName = `new-org-${randomUUID().slice(0, 8)}`;
    const body = {
      short_name: shortName,
      human_readable_name: 'A New Organisation',
      contact_email: 'team@new-org.example',
      organisation_identifier: 'XI-NEW-1',
      hq_country: 'FR',
      website: '',
    };

    const created = await ctx.call('POST', '/reporting-orgs', {
      as: 'newcomer',
      body,
    });
    const duplicate = await ctx.call('POST', '/reporting-orgs', {
      as: 'admin',
      body,
    });
    const badName = await ctx.call('POST', '/reporting-orgs', {
      as: 'newcomer',
      body: { ...body, short_name: 'Bad Name' },
    });
    const byToolAdmin = await ctx.call('POST', '/reporting-orgs', {
      as: 'toolAdmin',
      body: { ...body, short_name: `${shortName}-tool` },
    });

    expect(created.status).toBe(201);
    const org = orgRelationResponseSchema.parse(created.body).data;
    expect(org.user_role).toBe('admin');
    expect(org.metadata).toMatchObject({
      short_name: shortName,
      registry_approved: false,
      website: null,
      number_of_published_datasets: 0,
    });
    expect(duplicate.status).toBe(409);
    expect(badName.status).toBe(400);
    expect(byToolAdmin.status).toBe(400);
    const roles = await ctx.server.db
      .select()
      .from(memberships)
      .where(eq(memberships.orgId, org.id));
    expect(roles.map((row) => [row.userId, row.role])).toEqual([
      [personas.newcomer.uid, 'admin'],
    ]);
    const messages = await ctx.server.db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'org_needs_approval'));
    expect(messages.some((message) => message.body.includes(shortName))).toBe(
      true,
    );
  });

  it('a deleted org disappears and its short name can be used again', async () => {
    const fixture = await createOrgFixture(ctx.server.db);

    const removed = await ctx.call('DELETE', `/reporting-orgs/${fixture.oid}`);
    const afterwards = await ctx.call('GET', `/reporting-orgs/${fixture.oid}`, {
      as: 'superadmin',
    });
    const search = discoverableOrgListSchema.parse(
      (
        await ctx.call(
          'GET',
          `/discoverable-reporting-orgs?q=${fixture.shortName}`,
        )
      ).body,
    );
    const dataset = await ctx.call('GET', `/datasets/${fixture.did}`, {
      as: 'superadmin',
    });
    const reuse = await ctx.call('POST', '/reporting-orgs', {
      body: {
        short_name: fixture.shortName,
        human_readable_name: 'Reborn',
        contact_email: 'a@b.c',
      },
    });

    expect(removed.status).toBe(200);
    expect(afterwards.status).toBe(404);
    expect(search.data).toEqual([]);
    expect(dataset.status).toBe(404);
    expect(reuse.status).toBe(201);
  });
});

describe('E12 join requests and E7 members', () => {
  it('a newcomer asks to join; admins get a message; the request shows as pending', async () => {
    const fixture = await createOrgFixture(ctx.server.db);

    const join = await ctx.call(
      'POST',
      `/users/${personas.newcomer.uid}/reporting-org`,
      {
        as: 'newcomer',
        body: { oid: fixture.oid },
      },
    );
    const again = await ctx.call(
      'POST',
      `/users/${personas.newcomer.uid}/reporting-org`,
      {
        as: 'newcomer',
        body: { oid: fixture.oid },
      },
    );
    const members = orgUserListSchema.parse(
      (await ctx.call('GET', `/reporting-orgs/${fixture.oid}/users`)).body,
    );

    expect(join.status).toBe(200);
    expect(again.status).toBe(400);
    expect(
      members.data.find((user) => user.id === personas.newcomer.uid)?.role,
    ).toBe('contributor_pending');
    const messages = await ctx.server.db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'join_request'));
    expect(
      messages.some(
        (message) =>
          message.recipientEmail === personas.admin.email &&
          (message.payload as { oid?: string }).oid === fixture.oid,
      ),
    ).toBe(true);
  });

  it.each([
    ['someone else', 'admin' as const, personas.newcomer.uid, 400],
    ['a superadmin', 'superadmin' as const, personas.superadmin.uid, 400],
    ['a tool admin user', 'toolAdmin' as const, personas.toolAdmin.uid, 400],
  ])('refuses a request for %s', async (_, as, uid, status) => {
    const response = await ctx.call('POST', `/users/${uid}/reporting-org`, {
      as,
      body: { oid: riverlands.id },
    });

    expect(response.status).toBe(status);
  });

  it('provider admins are listed to superadmins only', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const asAdmin = orgUserListSchema.parse(
      (await ctx.call('GET', `/reporting-orgs/${fixture.oid}/users`)).body,
    );
    const asSuperadmin = orgUserListSchema.parse(
      (
        await ctx.call('GET', `/reporting-orgs/${fixture.oid}/users`, {
          as: 'superadmin',
        })
      ).body,
    );

    expect(asAdmin.data.some((user) => user.role === 'provider_admin')).toBe(
      false,
    );
    expect(
      asSuperadmin.data.find((user) => user.role === 'provider_admin')?.id,
    ).toBe(personas.toolAdmin.uid);
  });

  it('a tool admin user cannot be given an org role', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const response = await ctx.call(
      'PUT',
      `/users/${personas.toolAdmin.uid}/reporting-org/${fixture.oid}`,
      {
        body: { role: 'editor' },
      },
    );

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('tool admin user');
  });
});

describe('E16/E17 roles and permissions', () => {
  it('describes the user in the path; others need a superadmin', async () => {
    const own = userRolesResponseSchema.parse(
      (
        await ctx.call('GET', `/users/${personas.toolAdmin.uid}/roles`, {
          as: 'toolAdmin',
        })
      ).body,
    );
    const bySuperadmin = userRolesResponseSchema.parse(
      (
        await ctx.call('GET', `/users/${personas.editor.uid}/roles`, {
          as: 'superadmin',
        })
      ).body,
    );
    const byOther = await ctx.call(
      'GET',
      `/users/${personas.editor.uid}/roles`,
      { as: 'contributor' },
    );
    const unknown = await ctx.call('GET', `/users/${randomUUID()}/roles`, {
      as: 'superadmin',
    });

    expect(own.data.tools).toEqual([demoTools.publishingTool.tid]);
    expect(own.data.reporting_orgs).toMatchObject({
      [seedOrgs.kestrel.id]: 'provider_admin',
      [seedOrgs.sahel.id]: 'provider_admin',
    });
    expect(bySuperadmin.data.superadmin).toBe(false);
    expect(bySuperadmin.data.reporting_orgs).toMatchObject({
      [riverlands.id]: 'editor',
    });
    expect(byOther.status).toBe(403);
    expect(unknown.status).toBe(404);
  });

  it('E17 lists the permissions of the matrix for the role', async () => {
    const editor = permissionListSchema.parse(
      (
        await ctx.call(
          'GET',
          `/users/${personas.editor.uid}/roles/reporting-org-permissions/${riverlands.id}`,
          {
            as: 'editor',
          },
        )
      ).body,
    );
    const providerViaTool = permissionListSchema.parse(
      (
        await ctx.call(
          'GET',
          `/users/${personas.toolAdmin.uid}/roles/reporting-org-permissions/${seedOrgs.kestrel.id}`,
          { as: 'toolAdmin', client: 'tool' },
        )
      ).body,
    );
    const providerViaWeb = permissionListSchema.parse(
      (
        await ctx.call(
          'GET',
          `/users/${personas.toolAdmin.uid}/roles/reporting-org-permissions/${seedOrgs.kestrel.id}`,
          { as: 'toolAdmin' },
        )
      ).body,
    );

    expect(editor.data).toEqual([...PERMISSION_MATRIX.editor]);
    expect(providerViaTool.data).toEqual([...PERMISSION_MATRIX.provider_admin]);
    expect(providerViaWeb.data).toEqual([]);
  });
});

describe('tools, licences and the OpenAPI document', () => {
  it('E22 lists tools without client ids; E9 lists authorised ones', async () => {
    const all = toolListSchema.parse(
      (await ctx.call('GET', '/tools', { as: 'newcomer' })).body,
    );
    const kestrel = toolListSchema.parse(
      (await ctx.call('GET', `/reporting-orgs/${seedOrgs.kestrel.id}/tools`))
        .body,
    );

    expect(all.data.map((tool) => tool.id).sort()).toEqual(
      [demoTools.publishingTool.tid, demoTools.spreadsheetTool.tid].sort(),
    );
    expect(JSON.stringify(all.data)).not.toContain(
      demoTools.publishingTool.clientId,
    );
    expect(kestrel.data.map((tool) => tool.id)).toEqual([
      demoTools.publishingTool.tid,
    ]);
  });

  it('E10/E11 grant and revoke; a granted tool gives its admin users provider admin', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const path = `/reporting-orgs/${fixture.oid}/tools`;

    const revoke = await ctx.call(
      'DELETE',
      `${path}/${demoTools.publishingTool.tid}`,
      { as: 'editor' },
    );
    const denied = await ctx.call('GET', `/reporting-orgs/${fixture.oid}`, {
      as: 'toolAdmin',
      client: 'tool',
    });
    const grant = await ctx.call('POST', path, {
      body: { tid: demoTools.publishingTool.tid },
    });
    const twice = await ctx.call('POST', path, {
      body: { tid: demoTools.publishingTool.tid },
    });
    const unknownTool = await ctx.call('POST', path, {
      body: { tid: randomUUID() },
    });
    const allowed = await ctx.call('GET', `/reporting-orgs/${fixture.oid}`, {
      as: 'toolAdmin',
      client: 'tool',
    });

    expect(revoke.status).toBe(200);
    expect(denied.status).toBe(403);
    expect(grant.status).toBe(201);
    expect(twice.status).toBe(409);
    expect(unknownTool.status).toBe(400);
    expect(allowed.status).toBe(200);
    expect(orgRelationResponseSchema.parse(allowed.body).data.user_role).toBe(
      'provider_admin',
    );
  });

  it('E23 serves licences without authentication as a bare array', async () => {
    const response = await ctx.call('GET', '/licences', { as: null });
    const licences = licenceListSchema.parse(response.body);

    expect(response.status).toBe(200);
    expect(licences.map((licence) => licence.id)).toContain('cc-by');
  });

  it('serves an OpenAPI document with every contract path', async () => {
    const response = await ctx.call('GET', '/openapi.json', { as: null });
    const paths = Object.keys(
      (response.body as { paths: Record<string, unknown> }).paths,
    );

    expect(paths).toEqual(
      expect.arrayContaining([
        '/discoverable-reporting-orgs',
        '/reporting-orgs',
        '/reporting-orgs/{oid}',
        '/reporting-orgs/{oid}/users',
        '/reporting-orgs/{oid}/datasets',
        '/reporting-orgs/{oid}/tools',
        '/reporting-orgs/{oid}/tools/{tid}',
        '/reporting-orgs/{oid}/audit',
        '/users/{uid}/reporting-org',
        '/users/{uid}/reporting-orgs',
        '/users/{uid}/reporting-org/{oid}',
        '/users/{uid}/roles',
        '/users/{uid}/roles/reporting-org-permissions/{oid}',
        '/datasets',
        '/datasets/{did}',
        '/tools',
        '/licences',
        '/access-check',
      ]),
    );
  });
});
