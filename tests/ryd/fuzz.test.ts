/**
 * Fuzzing: thousands of malformed requests generated from the endpoint
 * catalogue (tests/support/ryd-fuzz-*.ts), each a request that would succeed
 * but for one broken part. Every answer must be one of the case's 4xx
 * statuses in the RYD error envelope, never a 5xx or a success, and the
 * database must be exactly as before. The seed is in the test names; set
 * RYD_FUZZ_SEED to replay another run.
 */
import http from 'node:http';

import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { demoClients, type PersonaKey } from '@/lib/demo/personas';
import { seedOrgs } from '@/lib/demo/seed-data';
import { errorEnvelopeSchema } from '@/lib/ryd/schemas';
import type { RydDb } from '@/services/ryd/src/db/client';
import { datasets } from '@/services/ryd/src/db/schema';
import { queryRows } from '@/services/ryd/src/lib/rows';

import {
  generateFuzzCases,
  type FuzzCase,
  type FuzzCategory,
  type FuzzTokens,
} from '../support/ryd-fuzz-cases';
import {
  buildCatalogue,
  type EndpointSpec,
} from '../support/ryd-fuzz-catalogue';
import { createRandom } from '../support/ryd-fuzz-random';
import { startRydForTest, type RydTestContext } from '../support/ryd-server';

const SEED = z
  .string()
  .regex(/^\d{1,10}$/, 'RYD_FUZZ_SEED must be a whole number.')
  .transform(Number)
  .default(20_240_611)
  .parse(process.env.RYD_FUZZ_SEED);
const MIN_CASES = 2000;
const CONCURRENCY = 6;
/** A request without an answer by then is a failure, not a hung run. */
const REQUEST_TIMEOUT_MS = 10_000;

type Sender = 'admin' | 'superadmin' | 'no token' | 'its own Authorization';

type Job = {
  fuzzCase: FuzzCase;
  sender: Sender;
  authorization: string | undefined;
  expected: number[];
};

type Answer = {
  status: number;
  contentType: string | undefined;
  text: string;
};

type Snapshot = Record<string, string>;

let ctx: RydTestContext;
let catalogue: EndpointSpec[];
let cases: FuzzCase[];
let tokens: Record<'admin' | 'superadmin', string>;
let before: Snapshot;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** Corrupts the signature in its middle (the last character may be padding). */
function tamper(token: string): string {
  const signatureStart = token.lastIndexOf('.') + 1;
  const at = signatureStart + Math.floor((token.length - signatureStart) / 2);
  const replacement = token[at] === 'A' ? 'B' : 'A';

  return `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`;
}

async function mintBadTokens(admin: string): Promise<FuzzTokens> {
  return {
    tampered: tamper(admin),
    expired: await ctx.issuer.mint({
      persona: 'admin',
      expiresAt: Math.floor(Date.now() / 1000) - 3600,
    }),
    wrongAudience: await ctx.issuer.mint({
      persona: 'admin',
      audience: 'another-api',
    }),
  };
}

/**
 * Every row of every table (the migrations journal included): a count and
 * an order-independent md5 per table, so any insert, update or delete shows.
 */
async function snapshotDatabase(db: RydDb): Promise<Snapshot> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name
      from information_schema.tables
      where table_type = 'BASE TABLE'
        and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`,
  );
  const snapshot: Snapshot = {};
  for (const { schema, name } of tables) {
    const [row] = await queryRows<{ rows: number; hash: string | null }>(
      db,
      sql`select count(*)::int as rows,
        md5(string_agg(md5(t::text), '' order by md5(t::text))) as hash
        from ${sql.identifier(schema)}.${sql.identifier(name)} as t`,
    );
    snapshot[`${schema}.${name}`] =
      `${row?.rows ?? 0} rows, ${row?.hash ?? ''}`;
  }

  return snapshot;
}

/**
 * Sends a case byte for byte: node:http keeps the path as given (fetch would
 * resolve dot segments) and can leave Content-Length out (chunked).
 */
function send({ fuzzCase, authorization }: Job): Promise<Answer> {
  const { port } = new URL(ctx.api);
  const headers: Record<string, string> = { ...fuzzCase.headers };
  if (authorization !== undefined) headers.authorization = authorization;
  if (fuzzCase.body && !fuzzCase.chunked) {
    headers['content-length'] = String(fuzzCase.body.length);
  }

  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: fuzzCase.method,
        path: fuzzCase.path,
        headers,
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () =>
      request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    request.on('error', reject);
    if (fuzzCase.body) request.write(fuzzCase.body);
    request.end();
  });
}

/** What is wrong with an answer, or undefined when it is right. */
function checkAnswer(answer: Answer, expected: number[]): string | undefined {
  if (!expected.includes(answer.status)) {
    return `status ${answer.status}, expected ${expected.join(' or ')}`;
  }
  if (!answer.contentType?.startsWith('application/json')) {
    return `Content-Type ${answer.contentType ?? '(none)'}, not JSON`;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'a body that is not JSON';
  }
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (!envelope.success) return 'a body that is not the RYD error envelope';
  if (envelope.data.error.status_code !== answer.status) {
    return `error.status_code ${envelope.data.error.status_code} in a ${answer.status} answer`;
  }

  return undefined;
}

/** A persona case goes out three times: as admin, superadmin and anonymous. */
function jobsOf(fuzzCase: FuzzCase): Job[] {
  if (fuzzCase.auth.kind === 'header') {
    return [
      {
        fuzzCase,
        sender: 'its own Authorization',
        authorization: fuzzCase.auth.value,
        expected: fuzzCase.expected,
      },
    ];
  }

  return [
    {
      fuzzCase,
      sender: 'admin',
      authorization: `Bearer ${tokens.admin}`,
      expected: fuzzCase.expected,
    },
    {
      fuzzCase,
      sender: 'superadmin',
      authorization: `Bearer ${tokens.superadmin}`,
      expected: fuzzCase.expected,
    },
    {
      fuzzCase,
      sender: 'no token',
      authorization: undefined,
      expected: fuzzCase.expectedWithoutToken,
    },
  ];
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function describeJob({ fuzzCase, sender }: Job): string {
  const shown =
    fuzzCase.path.length > 120
      ? `${fuzzCase.path.slice(0, 120)}…`
      : fuzzCase.path;

  return `#${fuzzCase.id} [${fuzzCase.category}] ${fuzzCase.description} (${fuzzCase.method} ${shown}, ${sender})`;
}

/** Every category once; `satisfies` fails to compile when one is missing. */
const CATEGORIES = Object.keys({
  'bad-json': true,
  'non-object-json': true,
  'wrong-field-type': true,
  'bad-field-value': true,
  'unknown-field': true,
  'missing-body': true,
  'wrong-content-type': true,
  'huge-body': true,
  'deep-json': true,
  'bad-path-param': true,
  'bad-pagination': true,
  'bad-query': true,
  'wrong-method': true,
  'bad-path': true,
  'bad-if-match': true,
  'bad-idempotency-key': true,
  'bad-token': true,
  combined: true,
} satisfies Record<FuzzCategory, true>);

function countByCategory(list: readonly FuzzCase[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const category of CATEGORIES) counts[category] = 0;
  for (const fuzzCase of list) {
    counts[fuzzCase.category] = (counts[fuzzCase.category] ?? 0) + 1;
  }

  return counts;
}

beforeAll(async () => {
  ctx = await startRydForTest();
  const oid = seedOrgs.riverlands.id;
  const [dataset] = await ctx.server.db
    .select({ id: datasets.id })
    .from(datasets)
    .where(and(eq(datasets.ownerOrgId, oid), isNull(datasets.deletedAt)))
    .orderBy(asc(datasets.shortName))
    .limit(1);
  if (!dataset) throw new Error('the seed has no live Riverlands dataset');
  catalogue = buildCatalogue({
    oid,
    toolOid: seedOrgs.kestrel.id,
    did: dataset.id,
  });
  const mint = (persona: PersonaKey) =>
    ctx.issuer.mint({ persona, clientId: demoClients.web.clientId });
  tokens = { admin: await mint('admin'), superadmin: await mint('superadmin') };
  cases = generateFuzzCases({
    catalogue,
    random: createRandom(SEED),
    tokens: await mintBadTokens(tokens.admin),
  });
  before = await snapshotDatabase(ctx.server.db);
});

afterAll(async () => {
  agent.destroy();
  await ctx?.stop();
});

describe(`RYD fuzzing, seed ${SEED}`, () => {
  it(`generates at least ${MIN_CASES} cases covering every endpoint`, () => {
    const covered = new Set(cases.map((fuzzCase) => fuzzCase.endpoint));
    const uncovered = catalogue
      .map((spec) => `${spec.method} ${spec.path}`)
      .filter((endpoint) => !covered.has(endpoint));
    const again = generateFuzzCases({
      catalogue,
      random: createRandom(SEED),
      tokens: { tampered: 't', expired: 'e', wrongAudience: 'w' },
    });
    const shape = (list: FuzzCase[]) =>
      list.map((item) => `${item.category} ${item.method} ${item.path}`);

    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);
    expect(uncovered, 'endpoints without a case').toEqual([]);
    expect(
      Object.entries(countByCategory(cases))
        .filter(([, count]) => count === 0)
        .map(([category]) => category),
      'categories without a case',
    ).toEqual([]);
    expect(shape(again), `seed ${SEED} generates the same cases`).toEqual(
      shape(cases),
    );
  });

  it('refuses every malformed request with a listed 4xx in the RYD envelope and changes nothing', async () => {
    const failures: { id: number; line: string }[] = [];
    const jobs = cases.flatMap(jobsOf);

    await forEachLimited(jobs, CONCURRENCY, async (job) => {
      let problem: string | undefined;
      try {
        const answer = await send(job);
        problem = checkAnswer(answer, job.expected);
        if (problem) problem += `; body ${answer.text.slice(0, 200)}`;
      } catch (error) {
        problem = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (problem) {
        failures.push({
          id: job.fuzzCase.id,
          line: `${describeJob(job)}: ${problem}`,
        });
      }
    });
    const after = await snapshotDatabase(ctx.server.db);
    const changed = Object.keys({ ...before, ...after })
      .filter((table) => before[table] !== after[table])
      .map((table) => `${table}: ${before[table]} -> ${after[table]}`);

    expect
      .soft(
        failures.length,
        `seed ${SEED}: ${failures.length} of ${jobs.length} requests answered wrongly:\n${failures
          .sort((a, b) => a.id - b.id)
          .map((failure) => failure.line)
          .join('\n')}`,
      )
      .toBe(0);
    expect
      .soft(changed, `seed ${SEED}: tables changed by refused requests`)
      .toEqual([]);
  }, 120_000);
});
