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
    ['GET', `/discoverable-reporting-orgs?page=99999999999999999999`, {}],
    ['GET', `/discoverable-reporting-orgs?page=9007199254740993`, {}],
    ['GET', `/discoverable-reporting-orgs?page=1000000000`, {}],
    ['GET', `/reporting-orgs/${oid}/datasets?page=92233720368547758`, {}],
    ['GET', `/reporting-orgs/../tools`, {}],
    ['GET', `/reporting-orgs/%2e%2e/tools`, {}],
    ['POST', `/datasets`, { body: '['.repeat(30000) + ']'.repeat(30000) }],
    ['POST', `/datasets`, { body: '{"short_name":' + '['.repeat(30000) + ']'.repeat(30000) + '}' }],
    ['POST', `/users/${'cabaae4a-c1e1-4e4a-aba1-2c62e300f150'}/reporting-org`, { body: '{"oid":"' + oid + '","__proto__":{"x":1}}' }],
    ['PATCH', `/reporting-orgs/${oid}`, {}],
    ['PUT', `/users/359108f7-9d7f-4835-8b9f-649322a859f6/reporting-org/${oid}`, { body: {role: 'ADMIN'} }],
    ['GET', `/discoverable-reporting-orgs?q=%E0%A4%A`, {}],
    ['GET', `/discoverable-reporting-orgs?page=%zz`, {}],
    ['GET', `/tools?x=1`, {}],
    ['HEAD', `/tools`, {}],
  ];
  for (const [m, p, o] of probes) {
    const r = await ctx.call(m, p, o).catch((e: unknown) => ({ status: -1, body: String(e) }));
    console.log(m, p.slice(0, 80), JSON.stringify(o).slice(0, 80), '=>', r.status, JSON.stringify(r.body).slice(0, 200));
  }
  await ctx.stop();
}, 120000);
