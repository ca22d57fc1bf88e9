import { it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedOrgs } from '@/lib/demo/seed-data';
import { startRydForTest } from '../support/ryd-server';
it('probe', async () => {
  const t0 = Date.now();
  const ctx = await startRydForTest();
  console.log('start ms', Date.now() - t0);
  const oid = seedOrgs.riverlands.id;
  const rows = await ctx.server.db.execute(sql`select id from datasets where owner_org_id = ${oid} limit 1`);
  const did = ((rows as unknown as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[]))[0]!.id;
  const probes: [string, string, Parameters<typeof ctx.call>[2]][] = [
    ['PATCH', `/datasets/${did}`, { body: '{"human_readable_name":"X"}', headers: { 'content-type': 'text/plain' } }],
    ['PATCH', `/datasets/${did}`, {}],
    ['PATCH', `/datasets/${did}`, { body: '' , headers: { 'content-type': 'application/json' }}],
    ['PATCH', `/datasets/${did}`, { body: 'null' }],
    ['PATCH', `/datasets/${did}`, { body: '[]' }],
    ['PATCH', `/datasets/${did}`, { body: '"x"' }],
    ['PATCH', `/datasets/${did}`, { body: '{"human_readable_name":"a\\u0000b"}' }],
    ['PATCH', `/datasets/${did}`, { body: 'human_readable_name=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['PATCH', `/datasets/${did}`, { body: '{"human_readable_name":"X"}', headers: { 'content-type': 'application/jsonx' } }],
    ['OPTIONS', `/datasets/${did}`, {}],
    ['PUT', `/datasets`, {}],
    ['GET', `/discoverable-reporting-orgs?q=ab%00`, {}],
    ['GET', `/discoverable-reporting-orgs?page=1&page=2`, {}],
    ['GET', `/discoverable-reporting-orgs?page=1e9`, {}],
    ['GET', `/tools/`, {}],
    ['GET', `/reporting-orgs/${oid}%2F`, {}],
    ['GET', `/reporting-orgs/${'a'.repeat(20000)}`, {}],
    ['POST', `/datasets`, { body: 'x'.repeat(100_000) }],
    ['POST', `/datasets`, { body: '['.repeat(60000) }],
    ['POST', `/datasets`, { body: '{"a":'.repeat(12000) + '1' + '}'.repeat(12000) }],
    ['GET', `/openapi.json/`, {}],
    ['DELETE', `/openapi.json`, {}],
    ['POST', `/licences`, {as: null}],
  ];
  for (const [m, p, o] of probes) {
    const r = await ctx.call(m, p, o).catch((e: unknown) => ({ status: -1, body: String(e) }));
    console.log(m, p.slice(0, 80), JSON.stringify(o).slice(0, 80), '=>', r.status, JSON.stringify(r.body).slice(0, 200));
  }
  await ctx.stop();
}, 120000);
