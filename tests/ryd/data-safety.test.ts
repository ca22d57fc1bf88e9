/**
 * Data safety: SR-27 (at least one admin, also under concurrency), SR-32
 * (If-Match), SR-33 (audit in the same transaction), SR-25 (mass
 * assignment), SR-24 (tenant isolation) and Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { personas } from '@/lib/demo/personas';
import {
  datasetResponseSchema,
  datasetListSchema,
  orgRelationListSchema,
  orgRelationResponseSchema,
} from '@/lib/ryd/schemas';
import {
  auditLog,
  datasets,
  memberships,
  outbox,
  reportingOrgs,
} from '@/services/ryd/src/db/schema';

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

async function adminsOf(oid: string): Promise<string[]> {
  const rows = await ctx.server.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      sql`${memberships.orgId} = ${oid} and ${memberships.role} = 'admin'`,
    );

  return rows.map((row) => row.userId);
}

async function getOrgRow(oid: string) {
  const [row] = await ctx.server.db
    .select()
    .from(reportingOrgs)
    .where(eq(reportingOrgs.id, oid));

  return row;
}

describe('SR-27 an organisation always keeps an admin', () => {
  it('the last admin can neither remove nor demote themselves', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const self = `/users/${personas.admin.uid}/reporting-org/${fixture.oid}`;

    const removal = await ctx.call('DELETE', self, { as: 'admin' });
    const demotion = await ctx.call('PUT', self, {
      as: 'admin',
      body: { role: 'editor' },
    });
    const bySuperadmin = await ctx.call('PUT', self, {
      as: 'superadmin',
      body: { role: 'contributor' },
    });

    expect(removal.status).toBe(400);
    expect(demotion.status).toBe(400);
    expect(bySuperadmin.status).toBe(400);
    expect(JSON.stringify(demotion.body)).toContain('last admin');
    expect(await adminsOf(fixture.oid)).toEqual([personas.admin.uid]);
  });

  it('an admin may step down once another admin exists', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const promote = await ctx.call(
      'PUT',
      `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`,
      { as: 'admin', body: { role: 'admin' } },
    );
    const stepDown = await ctx.call(
      'PUT',
      `/users/${personas.admin.uid}/reporting-org/${fixture.oid}`,
      { as: 'admin', body: { role: 'editor' } },
    );

    expect(promote.status).toBe(200);
    expect(stepDown.status).toBe(200);
    expect(await adminsOf(fixture.oid)).toEqual([fixture.memberUid]);
  });

  it.each([
    ['remove', 'DELETE'],
    ['demote', 'PUT'],
  ])(
    'two admins who %s each other at the same moment: exactly one succeeds',
    async (_, method) => {
      const fixture = await createOrgFixture(ctx.server.db);
      await ctx.server.db
        .update(memberships)
        .set({ role: 'admin' })
        .where(
          sql`${memberships.orgId} = ${fixture.oid} and ${memberships.userId} = ${fixture.memberUid}`,
        );
      const body = method === 'PUT' ? { role: 'contributor' } : undefined;

      const [first, second] = await Promise.all([
        ctx.call(
          method,
          `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`,
          {
            as: 'admin',
            body,
          },
        ),
        ctx.call(
          method,
          `/users/${personas.admin.uid}/reporting-org/${fixture.oid}`,
          {
            token: await ctx.issuer.mint({ uid: fixture.memberUid }),
            body,
          },
        ),
      ]);

      const statuses = [first.status, second.status].sort();
      expect(statuses[0]).toBe(200);
      expect([400, 403]).toContain(statuses[1]);
      expect(await adminsOf(fixture.oid)).toHaveLength(1);
    },
  );
});

describe('SR-32 If-Match', () => {
  it('a stale ETag gets 412 and changes nothing; a fresh one succeeds', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const path = `/reporting-orgs/${fixture.oid}`;
    const read = await ctx.call('GET', path);
    const etag = read.headers.get('etag');
    expect(etag).toBe('"1"');

    const fresh = await ctx.call('PATCH', path, {
      body: { description: 'first edit' },
      headers: { 'if-match': etag ?? '' },
    });
    const stale = await ctx.call('PATCH', path, {
      body: { description: 'lost update' },
      headers: { 'if-match': etag ?? '' },
    });
    const withoutPrecondition = await ctx.call('PATCH', path, {
      body: { website: 'https://example.org' },
    });

    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(412);
    expect(errorCodeOf(stale.body)).toBe('precondition_failed');
    expect(withoutPrecondition.status).toBe(200);
    expect((await getOrgRow(fixture.oid))?.description).toBe('first edit');
  });

  it('applies to dataset PATCH and DELETE and to memberships', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const datasetPath = `/datasets/${fixture.did}`;
    const memberPath = `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`;

    const patched = await ctx.call('PATCH', datasetPath, {
      body: { url: 'https://example.org/v2.xml' },
      headers: { 'if-match': '"1"' },
    });
    const staleDelete = await ctx.call('DELETE', datasetPath, {
      headers: { 'if-match': '"1"' },
    });
    const staleRole = await ctx.call('PUT', memberPath, {
      body: { role: 'editor' },
      headers: { 'if-match': '"7"' },
    });
    const freshRole = await ctx.call('PUT', memberPath, {
      body: { role: 'editor' },
      headers: { 'if-match': '"1"' },
    });
    const freshDelete = await ctx.call('DELETE', datasetPath, {
      headers: { 'if-match': '"2"' },
    });

    expect(patched.status).toBe(200);
    expect(staleDelete.status).toBe(412);
    expect(staleRole.status).toBe(412);
    expect(freshRole.status).toBe(200);
    expect(freshDelete.status).toBe(200);
  });
});

describe('SR-33 the audit row is part of the change', () => {
  it('a failing audit insert rolls the change back', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const before = await getOrgRow(fixture.oid);
    await ctx.server.db.execute(
      sql.raw(`
      create or replace function test_refuse_audit() returns trigger as $$
      begin raise exception 'audit store unavailable'; end; $$ language plpgsql`),
    );
    await ctx.server.db.execute(
      sql.raw(`
      create trigger test_refuse_audit before insert on audit_log
        for each row execute function test_refuse_audit()`),
    );
    try {
      const patch = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
        body: { description: 'must not stick' },
      });
      const create = await ctx.call('POST', '/datasets', {
        body: newDatasetBody(fixture.oid),
      });
      const remove = await ctx.call(
        'DELETE',
        `/users/${fixture.memberUid}/reporting-org/${fixture.oid}`,
      );

      expect(patch.status).toBe(500);
      expect(JSON.stringify(patch.body)).not.toContain('audit store');
      expect(create.status).toBe(500);
      expect(remove.status).toBe(500);
    } finally {
      await ctx.server.db.execute(
        sql.raw('drop trigger test_refuse_audit on audit_log'),
      );
    }
    const after = await getOrgRow(fixture.oid);
    expect(after?.description).toBe(before?.description);
    expect(after?.version).toBe(before?.version);
    const owned = await ctx.server.db
      .select({ id: datasets.id })
      .from(datasets)
      .where(eq(datasets.ownerOrgId, fixture.oid));
    expect(owned).toHaveLength(1);
    const member = await ctx.server.db
      .select()
      .from(memberships)
      .where(
        sql`${memberships.orgId} = ${fixture.oid} and ${memberships.userId} = ${fixture.memberUid}`,
      );
    expect(member).toHaveLength(1);
  });

  it('a successful write leaves one audit row naming actor, client and request', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const response = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
      body: { phone: '+44 20 0000 0000' },
      headers: { 'x-request-id': 'req-audit-check' },
    });
    const rows = await ctx.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.orgId, fixture.oid));

    expect(response.status).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUid: personas.admin.uid,
      actorSub: personas.admin.sub,
      clientId: 'iati-account-web',
      action: 'reporting_org.update',
      requestId: 'req-audit-check',
      after: { phone: '+44 20 0000 0000' },
    });
  });

  it('the audit log refuses updates and deletes', async () => {
    await expect(ctx.server.db.delete(auditLog)).rejects.toThrow();
  });
});

describe('SR-25 mass assignment and field-level rules', () => {
  it.each([
    { short_name: 'renamed' },
    { organisation_identifier: 'XI-NEW' },
    { registry_approved: true },
    { id: randomUUID() },
    { version: 99 },
    { created_date: '2020-01-01' },
    { number_of_published_datasets: 5 },
    { description: 'ok', role: 'admin' },
  ])('PATCH org with %o -> 400, nothing changed', async (body) => {
    const fixture = await createOrgFixture(ctx.server.db);
    const before = await getOrgRow(fixture.oid);

    const response = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
      body,
    });

    expect(response.status).toBe(400);
    expect(errorCodeOf(response.body)).toBe('validation_error');
    expect(await getOrgRow(fixture.oid)).toEqual(before);
  });

  it('PATCH changes only the fields sent; null and "" clear optional fields', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const response = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
      body: { website: 'https://example.org', description: '', phone: null },
    });
    const org = orgRelationResponseSchema.parse(response.body).data;

    expect(response.status).toBe(200);
    expect(org.metadata).toMatchObject({
      website: 'https://example.org',
      description: null,
      phone: null,
      contact_email: 'fixture@example.org',
      short_name: fixture.shortName,
    });
  });

  it('a required field cannot be cleared', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const empty = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
      body: { human_readable_name: '  ' },
    });
    const nulled = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
      body: { human_readable_name: null },
    });

    expect(empty.status).toBe(400);
    expect(nulled.status).toBe(400);
  });

  it('dataset owner and ids cannot be assigned', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const other = await createOrgFixture(ctx.server.db);

    const moveOwner = await ctx.call('PATCH', `/datasets/${fixture.did}`, {
      body: { owner_organisation_id: other.oid },
    });
    const sameOwner = await ctx.call('PATCH', `/datasets/${fixture.did}`, {
      body: {
        owner_organisation_id: fixture.oid,
        url: 'https://example.org/same.xml',
      },
    });
    const withId = await ctx.call('POST', '/datasets', {
      body: { ...newDatasetBody(fixture.oid), id: randomUUID() },
    });

    expect(moveOwner.status).toBe(400);
    expect(sameOwner.status).toBe(200);
    expect(withId.status).toBe(400);
    const dataset = datasetResponseSchema.parse(sameOwner.body).data;
    expect(dataset.owner_organisation_id).toBe(fixture.oid);
  });

  it('a contributor cannot change visibility, but may send it unchanged', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const change = await ctx.call('PATCH', `/datasets/${fixture.did}`, {
      as: 'contributor',
      body: { visibility: 'private' },
    });
    const unchanged = await ctx.call('PATCH', `/datasets/${fixture.did}`, {
      as: 'contributor',
      body: { visibility: 'public', human_readable_name: 'Still public' },
    });
    const [row] = await ctx.server.db
      .select()
      .from(datasets)
      .where(eq(datasets.id, fixture.did));

    expect(change.status).toBe(403);
    expect(unchanged.status).toBe(200);
    expect(row?.visibility).toBe('public');
  });
});

describe('SR-24 tenant isolation', () => {
  it('ids swapped between two orgs never reach the other org', async () => {
    const mine = await createOrgFixture(ctx.server.db);
    const theirs = await createOrgFixture(ctx.server.db, {
      roles: { admin: null, editor: null, contributor: null, pending: null },
    });
    await ctx.server.db
      .update(memberships)
      .set({ role: 'admin' })
      .where(eq(memberships.userId, theirs.memberUid));

    const attempts = await Promise.all([
      ctx.call('GET', `/datasets/${theirs.did}`),
      ctx.call('PATCH', `/datasets/${theirs.did}`, {
        body: { url: 'https://evil.example/x.xml' },
      }),
      ctx.call('DELETE', `/datasets/${theirs.did}`),
      ctx.call('POST', '/datasets', { body: newDatasetBody(theirs.oid) }),
      ctx.call('PATCH', `/reporting-orgs/${theirs.oid}`, {
        body: { description: 'taken' },
      }),
      ctx.call(
        'DELETE',
        `/users/${theirs.memberUid}/reporting-org/${theirs.oid}`,
      ),
      ctx.call('GET', `/reporting-orgs/${theirs.oid}/users`),
      ctx.call('GET', `/reporting-orgs/${theirs.oid}/audit`),
      ctx.call('DELETE', `/reporting-orgs/${theirs.oid}/tools/${randomUUID()}`),
    ]);
    for (const attempt of attempts) expect(attempt.status).toBe(403);

    const removeForeignMember = await ctx.call(
      'DELETE',
      `/users/${theirs.memberUid}/reporting-org/${mine.oid}`,
    );
    expect(removeForeignMember.status).toBe(400);

    const list = await ctx.call('GET', `/reporting-orgs/${mine.oid}/datasets`);
    const ids = datasetListSchema.parse(list.body).data.map((item) => item.id);
    expect(ids).toEqual([mine.did]);

    const myOrgs = await ctx.call('GET', '/reporting-orgs?page_size=500');
    const oids = orgRelationListSchema
      .parse(myOrgs.body)
      .data.map((org) => org.id);
    expect(oids).toContain(mine.oid);
    expect(oids).not.toContain(theirs.oid);

    const [theirDataset] = await ctx.server.db
      .select()
      .from(datasets)
      .where(eq(datasets.id, theirs.did));
    expect(theirDataset?.url).toBe('https://example.org/fixture.xml');
    expect(theirDataset?.deletedAt).toBeNull();
  });
});

describe('Idempotency-Key on create', () => {
  it('a retry with the same key returns the first result and creates nothing new', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const body = newDatasetBody(fixture.oid);
    const key = `retry-${randomUUID()}`;

    const first = await ctx.call('POST', '/datasets', {
      body,
      headers: { 'idempotency-key': key },
    });
    const retry = await ctx.call('POST', '/datasets', {
      body,
      headers: { 'idempotency-key': key },
    });
    const otherBody = await ctx.call('POST', '/datasets', {
      body: newDatasetBody(fixture.oid),
      headers: { 'idempotency-key': key },
    });
    const withoutKey = await ctx.call('POST', '/datasets', { body });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(otherBody.status).toBe(409);
    expect(withoutKey.status).toBe(409);
    const owned = await ctx.server.db
      .select({ id: datasets.id })
      .from(datasets)
      .where(eq(datasets.ownerOrgId, fixture.oid));
    expect(owned).toHaveLength(2);
  });

  it('works for organisations too, and queues the approval message once', async () => {
    const shortName = `idem-org-${randomUUID().slice(0, 8)}`;
    const body = {
      short_name: shortName,
      human_readable_name: 'Idempotent Org',
      contact_email: 'idem@example.org',
    };
    const key = `org-${randomUUID()}`;

    const [first, second] = await Promise.all([
      ctx.call('POST', '/reporting-orgs', {
        as: 'newcomer',
        body,
        headers: { 'idempotency-key': key },
      }),
      ctx.call('POST', '/reporting-orgs', {
        as: 'newcomer',
        body,
        headers: { 'idempotency-key': key },
      }),
    ]);

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const oid = orgRelationResponseSchema.parse(first.body).data.id;
    const messages = await ctx.server.db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'oid' = ${oid}`);
    expect(messages).toHaveLength(1);
  });
});
