/**
 * What a caller may learn about records: without access to the owning
 * organisation, every id gets the same 403 whatever the request holds; with
 * access, a deleted dataset is a 404 like any record that is gone.
 */
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createOrgFixture, type OrgFixture } from '../support/ryd-fixtures';
import {
  errorCodeOf,
  startRydForTest,
  type RydTestContext,
} from '../support/ryd-server';

let ctx: RydTestContext;
let fixture: OrgFixture;

beforeAll(async () => {
  ctx = await startRydForTest();
  fixture = await createOrgFixture(ctx.server.db);
});

afterAll(async () => {
  await ctx?.stop();
});

type Request = {
  method: string;
  path: () => string;
  body?: unknown;
};

/** Every request that honours If-Match, on a record that exists. */
const CONDITIONAL_REQUESTS: [string, Request][] = [
  [
    'PATCH an existing dataset',
    {
      method: 'PATCH',
      path: () => `/datasets/${fixture.did}`,
      body: { human_readable_name: 'Taken over' },
    },
  ],
  [
    'PATCH an unknown dataset',
    {
      method: 'PATCH',
      path: () => `/datasets/${randomUUID()}`,
      body: { human_readable_name: 'Taken over' },
    },
  ],
  [
    'DELETE an existing dataset',
    { method: 'DELETE', path: () => `/datasets/${fixture.did}` },
  ],
  [
    'DELETE an unknown dataset',
    { method: 'DELETE', path: () => `/datasets/${randomUUID()}` },
  ],
  [
    'PATCH an existing organisation',
    {
      method: 'PATCH',
      path: () => `/reporting-orgs/${fixture.oid}`,
      body: { description: 'Taken over' },
    },
  ],
  [
    'PATCH an unknown organisation',
    {
      method: 'PATCH',
      path: () => `/reporting-orgs/${randomUUID()}`,
      body: { description: 'Taken over' },
    },
  ],
  [
    'DELETE an existing organisation',
    { method: 'DELETE', path: () => `/reporting-orgs/${fixture.oid}` },
  ],
  [
    'DELETE an unknown organisation',
    { method: 'DELETE', path: () => `/reporting-orgs/${randomUUID()}` },
  ],
  [
    'PUT a membership',
    {
      method: 'PUT',
      path: () => `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`,
      body: { role: 'admin' },
    },
  ],
  [
    'DELETE a membership',
    {
      method: 'DELETE',
      path: () => `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`,
    },
  ],
];

describe('a caller without access and a malformed If-Match', () => {
  it.each(CONDITIONAL_REQUESTS)(
    '%s: 403, as without the header',
    async (_, request) => {
      const withHeader = await ctx.call(request.method, request.path(), {
        as: 'newcomer',
        body: request.body,
        headers: { 'if-match': 'garbage' },
      });
      const withoutHeader = await ctx.call(request.method, request.path(), {
        as: 'newcomer',
        body: request.body,
      });

      expect(withHeader.status).toBe(403);
      expect(errorCodeOf(withHeader.body)).toBe('forbidden');
      expect(withHeader.body).toEqual(withoutHeader.body);
    },
  );

  it('an admin with a malformed If-Match still gets 412', async () => {
    const response = await ctx.call('PATCH', `/datasets/${fixture.did}`, {
      as: 'admin',
      body: { human_readable_name: 'Renamed' },
      headers: { 'if-match': 'garbage' },
    });

    expect(response.status).toBe(412);
  });
});

describe('a deleted dataset', () => {
  let did: string;

  beforeAll(async () => {
    const org = await createOrgFixture(ctx.server.db);
    did = org.did;
    const deletion = await ctx.call('DELETE', `/datasets/${did}`, {
      as: 'admin',
    });
    if (deletion.status !== 200) {
      throw new Error(
        `the fixture dataset was not deleted: ${deletion.status}`,
      );
    }
  });

  const patch = { human_readable_name: 'Back from the dead' };

  it.each([
    ['admin', 'GET', undefined],
    ['admin', 'PATCH', patch],
    ['admin', 'DELETE', undefined],
    ['editor', 'GET', undefined],
    ['editor', 'PATCH', patch],
    ['editor', 'DELETE', undefined],
    ['contributor', 'GET', undefined],
    ['superadmin', 'GET', undefined],
  ] as const)('is not found for the %s on %s', async (as, method, body) => {
    const response = await ctx.call(method, `/datasets/${did}`, { as, body });

    expect(response.status).toBe(404);
    expect(errorCodeOf(response.body)).toBe('not_found');
  });

  it('is the generic 403 for a member whose role lacks the permission', async () => {
    const response = await ctx.call('DELETE', `/datasets/${did}`, {
      as: 'contributor',
    });

    expect(response.status).toBe(403);
  });

  it.each(['GET', 'PATCH', 'DELETE'])(
    'is the same 403 as an unknown id for a caller without access (%s)',
    async (method) => {
      const body = method === 'PATCH' ? patch : undefined;

      const deleted = await ctx.call(method, `/datasets/${did}`, {
        as: 'newcomer',
        body,
      });
      const unknown = await ctx.call(method, `/datasets/${randomUUID()}`, {
        as: 'newcomer',
        body,
      });

      expect(deleted.status).toBe(403);
      expect(deleted.body).toEqual(unknown.body);
    },
  );

  it('stays 403 for a pending member, who may read nothing yet', async () => {
    const response = await ctx.call('GET', `/datasets/${did}`, {
      as: 'pending',
    });

    expect(response.status).toBe(403);
  });
});
