/**
 * SR-23: every org-scoped endpoint against every kind of caller, with the
 * expected status computed from PERMISSION_MATRIX (lib/ryd/permissions.ts).
 * Each case gets its own fixture org, so write cases do not interfere.
 */
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoTools, personas, type PersonaKey } from '@/lib/demo/personas';
import {
  hasPermission,
  type OrgRole,
  type Permission,
} from '@/lib/ryd/permissions';

import {
  createOrgFixture,
  newDatasetBody,
  type OrgFixture,
} from '../support/ryd-fixtures';
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

type Caller = {
  name: string;
  persona: PersonaKey | null;
  client: 'web' | 'tool';
  /** The role the matrix should see for this caller on the fixture org. */
  role: OrgRole | null;
};

const callers: Caller[] = [
  { name: 'admin', persona: 'admin', client: 'web', role: 'admin' },
  { name: 'editor', persona: 'editor', client: 'web', role: 'editor' },
  {
    name: 'contributor',
    persona: 'contributor',
    client: 'web',
    role: 'contributor',
  },
  {
    name: 'pending',
    persona: 'pending',
    client: 'web',
    role: 'contributor_pending',
  },
  {
    name: 'provider admin via its tool client',
    persona: 'toolAdmin',
    client: 'tool',
    role: 'provider_admin',
  },
  {
    name: 'provider admin via another client',
    persona: 'toolAdmin',
    client: 'web',
    role: null,
  },
  {
    name: 'superadmin',
    persona: 'superadmin',
    client: 'web',
    role: 'super_admin',
  },
  { name: 'no role', persona: 'newcomer', client: 'web', role: null },
  { name: 'no token', persona: null, client: 'web', role: null },
];

type Endpoint = {
  name: string;
  permission: Permission;
  success: number;
  request: (fixture: OrgFixture) => {
    method: string;
    path: string;
    body?: unknown;
  };
};

const endpoints: Endpoint[] = [
  {
    name: 'E4 GET org',
    permission: 'read-org',
    success: 200,
    request: (f) => ({ method: 'GET', path: `/reporting-orgs/${f.oid}` }),
  },
  {
    name: 'E5 PATCH org',
    permission: 'update-org',
    success: 200,
    request: (f) => ({
      method: 'PATCH',
      path: `/reporting-orgs/${f.oid}`,
      body: { description: 'Changed by the matrix test' },
    }),
  },
  {
    name: 'E6 DELETE org',
    permission: 'delete-org',
    success: 200,
    request: (f) => ({ method: 'DELETE', path: `/reporting-orgs/${f.oid}` }),
  },
  {
    name: 'E7 GET org users',
    permission: 'read-org',
    success: 200,
    request: (f) => ({ method: 'GET', path: `/reporting-orgs/${f.oid}/users` }),
  },
  {
    name: 'E8 GET org datasets',
    permission: 'read-dataset',
    success: 200,
    request: (f) => ({
      method: 'GET',
      path: `/reporting-orgs/${f.oid}/datasets`,
    }),
  },
  {
    name: 'E9 GET org tools',
    permission: 'read-org',
    success: 200,
    request: (f) => ({ method: 'GET', path: `/reporting-orgs/${f.oid}/tools` }),
  },
  {
    name: 'E10 POST org tool',
    permission: 'set-org-tool-authz',
    success: 201,
    request: (f) => ({
      method: 'POST',
      path: `/reporting-orgs/${f.oid}/tools`,
      body: { tid: demoTools.spreadsheetTool.tid },
    }),
  },
  {
    name: 'E11 DELETE org tool',
    permission: 'set-org-tool-authz',
    success: 200,
    request: (f) => ({
      method: 'DELETE',
      path: `/reporting-orgs/${f.oid}/tools/${demoTools.publishingTool.tid}`,
    }),
  },
  {
    name: 'E14 PUT member role',
    permission: 'set-org-user-authz',
    success: 200,
    request: (f) => ({
      method: 'PUT',
      path: `/users/${f.memberUid}/reporting-org/${f.oid}`,
      body: { role: 'editor' },
    }),
  },
  {
    name: 'E15 DELETE member',
    permission: 'set-org-user-authz',
    success: 200,
    request: (f) => ({
      method: 'DELETE',
      path: `/users/${f.memberUid}/reporting-org/${f.oid}`,
    }),
  },
  {
    name: 'E18 POST dataset',
    permission: 'create-dataset',
    success: 201,
    request: (f) => ({
      method: 'POST',
      path: '/datasets',
      body: newDatasetBody(f.oid),
    }),
  },
  {
    name: 'E19 GET dataset',
    permission: 'read-dataset',
    success: 200,
    request: (f) => ({ method: 'GET', path: `/datasets/${f.did}` }),
  },
  {
    name: 'E20 PATCH dataset title',
    permission: 'update-dataset',
    success: 200,
    request: (f) => ({
      method: 'PATCH',
      path: `/datasets/${f.did}`,
      body: { human_readable_name: 'Renamed by the matrix test' },
    }),
  },
  {
    name: 'E20 PATCH dataset visibility',
    permission: 'update-dataset-visibility',
    success: 200,
    request: (f) => ({
      method: 'PATCH',
      path: `/datasets/${f.did}`,
      body: { visibility: 'private' },
    }),
  },
  {
    name: 'E21 DELETE dataset',
    permission: 'delete-dataset',
    success: 200,
    request: (f) => ({ method: 'DELETE', path: `/datasets/${f.did}` }),
  },
  {
    name: 'audit GET (extension)',
    permission: 'set-org-user-authz',
    success: 200,
    request: (f) => ({ method: 'GET', path: `/reporting-orgs/${f.oid}/audit` }),
  },
];

function expectedStatus(caller: Caller, endpoint: Endpoint): number {
  if (!caller.persona) return 401;

  return hasPermission(caller.role, endpoint.permission)
    ? endpoint.success
    : 403;
}

const cases = endpoints.flatMap((endpoint) =>
  callers.map((caller) => ({
    endpoint,
    caller,
    expected: expectedStatus(caller, endpoint),
    label: `${endpoint.name} as ${caller.name}`,
  })),
);

describe('SR-23 permission matrix, endpoint x caller', () => {
  it.each(cases)(
    '$label -> $expected',
    async ({ endpoint, caller, expected }) => {
      const fixture = await createOrgFixture(ctx.server.db);
      const request = endpoint.request(fixture);

      const response = await ctx.call(request.method, request.path, {
        as: caller.persona,
        client: caller.client,
        body: request.body,
      });

      expect(response.status, JSON.stringify(response.body)).toBe(expected);
      if (expected === 403)
        expect(errorCodeOf(response.body)).toBe('forbidden');
    },
  );
});

describe('endpoints open to every signed-in caller', () => {
  const open = [
    () => '/discoverable-reporting-orgs',
    () => '/reporting-orgs',
    () => '/tools',
    () => '/access-check',
    (uid: string) => `/users/${uid}/roles`,
    (uid: string) => `/users/${uid}/reporting-orgs`,
  ];
  const signedIn = callers.filter((caller) => caller.persona);

  it.each(
    open.flatMap((path) =>
      callers.map((caller) => ({
        caller,
        path: path(
          caller.persona ? personas[caller.persona].uid : randomUUID(),
        ),
      })),
    ),
  )('GET $path as $caller.name', async ({ caller, path }) => {
    const response = await ctx.call('GET', path, {
      as: caller.persona,
      client: caller.client,
    });

    expect(response.status).toBe(caller.persona ? 200 : 401);
  });

  it('has a case for each signed-in caller', () => {
    expect(signedIn).toHaveLength(8);
  });
});

describe('a record the caller cannot see: 403 whether or not it exists', () => {
  const missing = randomUUID();
  const paths = [
    { method: 'GET', path: `/reporting-orgs/${missing}` },
    {
      method: 'PATCH',
      path: `/reporting-orgs/${missing}`,
      body: { description: 'x' },
    },
    { method: 'DELETE', path: `/reporting-orgs/${missing}` },
    { method: 'GET', path: `/reporting-orgs/${missing}/users` },
    { method: 'GET', path: `/reporting-orgs/${missing}/datasets` },
    { method: 'GET', path: `/datasets/${missing}` },
    {
      method: 'PATCH',
      path: `/datasets/${missing}`,
      body: { url: 'https://example.org/x.xml' },
    },
    { method: 'DELETE', path: `/datasets/${missing}` },
    { method: 'POST', path: '/datasets', body: newDatasetBody(missing) },
  ];

  it.each(paths)(
    '$method $path: 403 for a non-member, 404 for a superadmin',
    async (request) => {
      const asNewcomer = await ctx.call(request.method, request.path, {
        as: 'newcomer',
        body: request.body,
      });
      const asSuperadmin = await ctx.call(request.method, request.path, {
        as: 'superadmin',
        body: request.body,
      });

      expect(asNewcomer.status).toBe(403);
      expect(asSuperadmin.status).toBe(404);
    },
  );

  it('an existing org of someone else gives the same 403 body', async () => {
    const fixture = await createOrgFixture(ctx.server.db);

    const existing = await ctx.call('GET', `/reporting-orgs/${fixture.oid}`, {
      as: 'newcomer',
    });
    const absent = await ctx.call('GET', `/reporting-orgs/${missing}`, {
      as: 'newcomer',
    });

    expect(existing.status).toBe(403);
    expect(existing.body).toEqual(absent.body);
  });
});
