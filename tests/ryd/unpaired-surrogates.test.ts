/**
 * Text holding an unpaired UTF-16 surrogate (a JSON escape such as "\ud800"
 * with no partner) cannot be stored: PostgreSQL refuses it in jsonb and
 * PGlite turns it into U+FFFD in text. Every such field is a 400 in the RYD
 * envelope, and nothing is stored.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { searchTermSchema } from '@/lib/ryd/schemas';
import {
  auditLog,
  datasets,
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

/** A high surrogate alone, a low one alone, and a pair in the wrong order. */
const BROKEN_TEXTS = ['\ud800', 'x\udfff', 'a\udc00\ud800b'];

async function countAuditRows(oid: string): Promise<number> {
  const rows = await ctx.server.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(eq(auditLog.orgId, oid));

  return rows.length;
}

describe('unpaired surrogates in text fields', () => {
  it.each(BROKEN_TEXTS)(
    'an organisation update with %j is a 400 and changes nothing',
    async (broken) => {
      const fixture = await createOrgFixture(ctx.server.db);
      const auditBefore = await countAuditRows(fixture.oid);

      const response = await ctx.call(
        'PATCH',
        `/reporting-orgs/${fixture.oid}`,
        { as: 'admin', body: { description: broken } },
      );
      const [org] = await ctx.server.db
        .select({ description: reportingOrgs.description })
        .from(reportingOrgs)
        .where(eq(reportingOrgs.id, fixture.oid));

      expect(response.status).toBe(400);
      expect(errorCodeOf(response.body)).toBe('validation_error');
      expect(JSON.stringify(response.body)).toContain('description');
      expect(org?.description).toBe('Fixture organisation');
      expect(await countAuditRows(fixture.oid)).toBe(auditBefore);
    },
  );

  it('an emoji (a surrogate pair) is still accepted and stored as sent', async () => {
    const fixture = await createOrgFixture(ctx.server.db);

    const response = await ctx.call('PATCH', `/reporting-orgs/${fixture.oid}`, {
      as: 'admin',
      body: { description: 'Water 💧 for all' },
    });

    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Water 💧 for all');
  });

  it('a dataset update is a 400 and keeps the title', async () => {
    const fixture = await createOrgFixture(ctx.server.db);

    const response = await ctx.call('PATCH', `/datasets/${fixture.did}`, {
      as: 'admin',
      body: { human_readable_name: 'x\udfff' },
    });
    const [dataset] = await ctx.server.db
      .select({ title: datasets.title })
      .from(datasets)
      .where(eq(datasets.id, fixture.did));

    expect(response.status).toBe(400);
    expect(errorCodeOf(response.body)).toBe('validation_error');
    expect(dataset?.title).toBe(`Fixture dataset ${fixture.datasetShortName}`);
  });

  it('a dataset create is a 400 and creates nothing', async () => {
    const fixture = await createOrgFixture(ctx.server.db);
    const body = {
      ...newDatasetBody(fixture.oid),
      url: 'https://e.org/\ud800',
    };

    const response = await ctx.call('POST', '/datasets', {
      as: 'admin',
      body,
    });
    const created = await ctx.server.db
      .select({ id: datasets.id })
      .from(datasets)
      .where(eq(datasets.shortName, body.short_name));

    expect(response.status).toBe(400);
    expect(errorCodeOf(response.body)).toBe('validation_error');
    expect(created).toEqual([]);
  });

  it('an organisation create is a 400 and creates nothing', async () => {
    const shortName = `surrogate-${Date.now()}`;

    const response = await ctx.call('POST', '/reporting-orgs', {
      as: 'newcomer',
      body: {
        short_name: shortName,
        human_readable_name: 'Broken \udbff name',
        contact_email: 'broken@example.org',
      },
    });
    const created = await ctx.server.db
      .select({ id: reportingOrgs.id })
      .from(reportingOrgs)
      .where(eq(reportingOrgs.shortName, shortName));

    expect(response.status).toBe(400);
    expect(errorCodeOf(response.body)).toBe('validation_error');
    expect(created).toEqual([]);
  });

  it('the shared search-term schema refuses an unpaired surrogate', () => {
    expect(searchTermSchema.safeParse('ab\ud800').success).toBe(false);
    expect(searchTermSchema.safeParse('ab💧').success).toBe(true);
  });

  it.each(['/discoverable-reporting-orgs', '/reporting-orgs'])(
    'a search term on %s holding a surrogate encoded as UTF-8 bytes is no server error',
    async (path) => {
      // %ED%A0%80 is U+D800 written as if it were a character: not UTF-8,
      // so the query decoder must not turn it into a lone surrogate.
      const response = await ctx.call('GET', `${path}?q=ab%ED%A0%80`, {
        as: 'admin',
      });

      expect(response.status).toBeLessThan(500);
    },
  );
});
