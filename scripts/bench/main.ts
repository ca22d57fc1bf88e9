/**
 * `npm run bench`: builds the web app for production, loads the real
 * Registry export into a fresh temp data folder, starts identity, RYD and the
 * web app on ports 52000-52003 (or --port-base), and measures the RYD API
 * beside a bare node:http server replaying the same bytes, the web pages,
 * first-load JavaScript, peak memory and sign-in. Prints a table and writes
 * the figures as JSON under bench-results/. Targets are printed, not asserted.
 *
 * Options: --rounds N (5), --duration S (3), --warmup S (1), --label NAME,
 * --port-base P (52000), --sign-ins N (10), --only KEY,KEY (the RYD
 * scenarios to measure, by key; all by default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

import type { AutocannonRequest } from 'autocannon';

import { personas } from '@/lib/demo/personas';

import { getRydTokens } from '../../e2e/support/ryd-token';
import { getChildEnv } from '../lib/env';
import { ensureNextBuild } from '../lib/next-build';
import { startStack, type Stack } from '../stack';
import { captureResponse, type CapturedResponse } from './captured';
import { measureFirstLoadJs } from './first-load-js';
import {
  measureLoad,
  median,
  type LoadFigure,
  type LoadSettings,
} from './load';
import { startMemorySampler } from './memory';
import {
  formatReport,
  loadAvg,
  TARGETS,
  type ApiRow,
  type BenchReport,
  type JsRow,
  type MemoryRow,
  type PageRow,
  type Verdict,
} from './report';
import { LARGE_ORG, prepareData } from './setup';
import { signInToWebApp } from './web-session';

const PROJECT_DIR = process.cwd();
const DIST_DIR = '.next-bench';
const RESULTS_DIR = path.join(PROJECT_DIR, 'bench-results');
const CONNECTIONS = [1, 20] as const;
const JOIN_ORG_COUNT = 40;
/** Routes whose first-load JavaScript is reported. */
const JS_ROUTES = [
  '/',
  '/orgs',
  '/orgs/[oid]',
  '/orgs/[oid]/datasets',
  '/datasets/[did]/edit',
  '/orgs/[oid]/members',
];

type Scenario = {
  key: string;
  label: string;
  kind: 'list' | 'read' | 'write';
  requests: () => AutocannonRequest[];
  afterRound?: () => Promise<void>;
  /** One run of the requests with fetch, to capture what the bare server replays. */
  capture: () => Promise<CapturedResponse[]>;
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      label: { type: 'string', default: 'run' },
      'port-base': { type: 'string', default: '52000' },
      'sign-ins': { type: 'string', default: '10' },
      only: { type: 'string', default: '' },
    },
  });
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`--${name} must be a number`);

    return value;
  };

  return {
    rounds: number('rounds'),
    durationSeconds: number('duration'),
    warmupSeconds: number('warmup'),
    label: String(values.label),
    portBase: number('port-base'),
    signIns: number('sign-ins'),
    only: String(values.only)
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
  };
}

function step(message: string): void {
  process.stdout.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`,
  );
}

async function startBareServer(
  file: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/bare-server.ts', file],
    {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`bare server exited with ${code}`)),
    );
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match?.[1]) resolve(Number(match[1]));
    });
  });

  return { url: `http://127.0.0.1:${port}`, child };
}

async function main(): Promise<void> {
  const options = readOptions();
  const startedAt = new Date().toISOString();
  const loadAvgStart = loadAvg();
  const notes: string[] = [];
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.replace(/[:.]/g, '-');
  const logFile = path.join(RESULTS_DIR, `${stamp}-${options.label}.log`);
  const log = createWriteStream(logFile);
  step(
    `log: ${path.relative(PROJECT_DIR, logFile)}; load average ${loadAvgStart.join(' / ')}`,
  );

  step(`building the web app (production, ${DIST_DIR}) unless current`);
  const build = await ensureNextBuild({
    cwd: PROJECT_DIR,
    distDir: DIST_DIR,
    output: log,
    env: getChildEnv(),
  });
  step(
    build.built
      ? `built in ${(build.durationMs / 1000).toFixed(0)} s`
      : 'build is current',
  );

  step(
    'importing the Registry export into a fresh data folder (npm run import)',
  );
  const data = await prepareData({ joinOrgCount: JOIN_ORG_COUNT, log });
  step(`imported in ${data.importSeconds.toFixed(1)} s into ${data.dataDir}`);

  const ports = {
    web: options.portBase,
    identity: options.portBase + 1,
    ryd: options.portBase + 2,
  };
  let stack: Stack | undefined;
  let bare: ChildProcess | undefined;
  try {
    step('starting identity, RYD and the web app');
    stack = await startStack({
      cwd: PROJECT_DIR,
      ports,
      dataDir: data.dataDir,
      distDir: build.distDir,
      env: {
        // Tokens outlive the whole run, so no refresh happens mid-measurement.
        IDENTITY_ACCESS_TOKEN_TTL: '7200',
        IDENTITY_REFRESH_TOKEN_TTL: '7200',
        IDENTITY_SESSION_TTL: '7200',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      isolated: true,
      output: log,
      readyTimeoutMs: 180_000,
    });
    const sampler = startMemorySampler(
      Object.fromEntries(
        stack.services.map((service) => [service.name, service.pid]),
      ),
    );
    const appUrl = stack.urls.app;
    const identityUrl = stack.urls.identity;
    const rydOrigin = `http://127.0.0.1:${ports.ryd}`;
    const api = `${rydOrigin}/api/v1`;

    step('signing in personas at the identity service for RYD tokens');
    const tokenOf = async (persona: 'superadmin' | 'admin' | 'newcomer') =>
      (await getRydTokens(persona, { stack: { appUrl, identityUrl } }))
        .accessToken;
    const tokens = {
      superadmin: await tokenOf('superadmin'),
      admin: await tokenOf('admin'),
      newcomer: await tokenOf('newcomer'),
    };
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const getJson = async <T>(
      token: string,
      pathAndQuery: string,
    ): Promise<T> => {
      const response = await fetch(`${api}${pathAndQuery}`, {
        headers: auth(token),
      });
      if (!response.ok)
        throw new Error(`GET ${pathAndQuery}: HTTP ${response.status}`);

      return (await response.json()) as T;
    };

    type Page<T> = { data: T[] };
    const [largeOrg] = (
      await getJson<Page<{ id: string; metadata: { short_name: string } }>>(
        tokens.superadmin,
        `/reporting-orgs?all=yes&q=${LARGE_ORG}&page_size=10`,
      )
    ).data.filter((org) => org.metadata.short_name === LARGE_ORG);
    if (!largeOrg) throw new Error(`${LARGE_ORG} is not in the imported data`);
    const oid = largeOrg.id;
    const firstDatasets = (
      await getJson<Page<{ id: string }>>(
        tokens.admin,
        `/reporting-orgs/${oid}/datasets?page_size=2`,
      )
    ).data;
    const readDid = firstDatasets[0]?.id;
    const patchDid = firstDatasets[1]?.id;
    if (!readDid || !patchDid)
      throw new Error(`${LARGE_ORG} has fewer than two datasets`);
    const joinOrgIds: string[] = [];
    for (const shortName of data.joinOrgs) {
      const found = (
        await getJson<Page<{ id: string; metadata: { short_name: string } }>>(
          tokens.superadmin,
          `/reporting-orgs?all=yes&q=${encodeURIComponent(shortName)}&page_size=100`,
        )
      ).data.find((org) => org.metadata.short_name === shortName);
      if (found) joinOrgIds.push(found.id);
    }

    const get =
      (pathAndQuery: string, token: string): Scenario['requests'] =>
      () => [
        { method: 'GET', path: `/api/v1${pathAndQuery}`, headers: auth(token) },
      ];
    const captureGet = (pathAndQuery: string, token: string) => async () => [
      await captureResponse(
        { method: 'GET', path: `/api/v1${pathAndQuery}` },
        await fetch(`${api}${pathAndQuery}`, { headers: auth(token) }),
      ),
    ];
    let patchCount = 0;
    const patchBody = () =>
      JSON.stringify({
        human_readable_name: `Bench title ${(patchCount += 1)}`,
      });
    const newcomerUid = personas.newcomer.uid;
    const joinPath = `/api/v1/users/${newcomerUid}/reporting-org`;
    const json = { 'content-type': 'application/json' };
    const freeJoinOrgs: string[] = [];
    const resetJoins = async () => {
      for (const joinOid of joinOrgIds) {
        const response = await fetch(
          `${api}/users/${newcomerUid}/reporting-org/${joinOid}`,
          {
            method: 'DELETE',
            headers: auth(tokens.superadmin),
          },
        );
        await response.arrayBuffer();
      }
    };

    const datasetsPath = `/reporting-orgs/${oid}/datasets?page_size=100`;
    const allScenarios: Scenario[] = [
      {
        key: 'orgs-all',
        label: 'GET /reporting-orgs?all=yes&page_size=100 (superadmin)',
        kind: 'list',
        requests: get(
          '/reporting-orgs?page_size=100&all=yes',
          tokens.superadmin,
        ),
        capture: captureGet(
          '/reporting-orgs?page_size=100&all=yes',
          tokens.superadmin,
        ),
      },
      {
        key: 'org-datasets',
        label: `GET /reporting-orgs/{${LARGE_ORG}}/datasets?page_size=100`,
        kind: 'list',
        requests: get(datasetsPath, tokens.admin),
        capture: captureGet(datasetsPath, tokens.admin),
      },
      {
        key: 'org-datasets-q',
        label: `GET /reporting-orgs/{${LARGE_ORG}}/datasets?page_size=100&q=ken`,
        kind: 'list',
        requests: get(`${datasetsPath}&q=ken`, tokens.admin),
        capture: captureGet(`${datasetsPath}&q=ken`, tokens.admin),
      },
      {
        key: 'dataset-get',
        label: 'GET /datasets/{did}',
        kind: 'read',
        requests: get(`/datasets/${readDid}`, tokens.admin),
        capture: captureGet(`/datasets/${readDid}`, tokens.admin),
      },
      {
        key: 'dataset-patch',
        label: 'PATCH /datasets/{did} (new title each time, no If-Match)',
        kind: 'write',
        requests: () => [
          {
            method: 'PATCH',
            path: `/api/v1/datasets/${patchDid}`,
            headers: { ...auth(tokens.admin), ...json },
            setupRequest: (request) => ({ ...request, body: patchBody() }),
          },
        ],
        capture: async () => [
          await captureResponse(
            { method: 'PATCH', path: `/api/v1/datasets/${patchDid}` },
            await fetch(`${api}/datasets/${patchDid}`, {
              method: 'PATCH',
              headers: { ...auth(tokens.admin), ...json },
              body: patchBody(),
            }),
          ),
        ],
      },
      {
        key: 'join-role',
        label:
          'join request + role change + removal (POST, PUT, DELETE; per request)',
        kind: 'write',
        // Each connection takes a free organisation for one POST-PUT-DELETE
        // cycle and hands it back after the DELETE, so no two connections
        // work on one membership and every request stays valid. A round can
        // end mid-cycle, keeping organisations taken: after each round the
        // memberships are removed and every organisation is free again, or
        // later rounds would run out of them and send only failures.
        requests: () => {
          freeJoinOrgs.splice(0, freeJoinOrgs.length, ...joinOrgIds);
          const free = freeJoinOrgs;
          const memberPath = (context: Record<string, unknown>) =>
            `${joinPath}/${String(context.oid)}`;

          return [
            {
              method: 'POST',
              path: joinPath,
              headers: { ...auth(tokens.newcomer), ...json },
              setupRequest: (request, context) => {
                context.oid = free.shift();

                return {
                  ...request,
                  body: JSON.stringify({ oid: context.oid }),
                };
              },
            },
            {
              method: 'PUT',
              headers: { ...auth(tokens.superadmin), ...json },
              setupRequest: (request, context) => ({
                ...request,
                path: memberPath(context),
                body: JSON.stringify({ role: 'editor' }),
              }),
            },
            {
              method: 'DELETE',
              headers: auth(tokens.superadmin),
              setupRequest: (request, context) => ({
                ...request,
                path: memberPath(context),
              }),
              onResponse: (_status, _body, context) => {
                if (typeof context.oid === 'string') free.push(context.oid);
              },
            },
          ];
        },
        afterRound: async () => {
          await resetJoins();
          freeJoinOrgs.splice(0, freeJoinOrgs.length, ...joinOrgIds);
        },
        capture: async () => {
          const joinOid = joinOrgIds[0];
          const send = (
            method: string,
            pathAndQuery: string,
            token: string,
            body?: unknown,
          ) =>
            fetch(`${rydOrigin}${pathAndQuery}`, {
              method,
              headers: { ...auth(token), ...(body ? json : {}) },
              body: body ? JSON.stringify(body) : undefined,
            });
          const captured = [
            await captureResponse(
              { method: 'POST', path: joinPath },
              await send('POST', joinPath, tokens.newcomer, { oid: joinOid }),
            ),
            await captureResponse(
              { method: 'PUT', path: `${joinPath}/${joinOid}` },
              await send('PUT', `${joinPath}/${joinOid}`, tokens.superadmin, {
                role: 'editor',
              }),
            ),
            await captureResponse(
              { method: 'DELETE', path: `${joinPath}/${joinOid}` },
              await send('DELETE', `${joinPath}/${joinOid}`, tokens.superadmin),
            ),
          ];

          return captured;
        },
      },
    ];

    const unknown = options.only.filter(
      (key) => !allScenarios.some((scenario) => scenario.key === key),
    );
    if (unknown.length > 0) {
      throw new Error(
        `--only: no scenario ${unknown.join(', ')}; there are ${allScenarios.map((scenario) => scenario.key).join(', ')}`,
      );
    }
    const scenarios =
      options.only.length === 0
        ? allScenarios
        : allScenarios.filter((scenario) =>
            options.only.includes(scenario.key),
          );

    step('capturing one response per request for the bare server');
    const captured: CapturedResponse[] = [];
    for (const scenario of scenarios) {
      const responses = await scenario.capture();
      for (const response of responses) {
        if (response.status < 200 || response.status >= 300) {
          throw new Error(
            `${response.method} ${response.path} answered ${response.status} while capturing`,
          );
        }
      }
      captured.push(...responses);
    }
    const capturedFile = path.join(data.dataDir, 'captured.json');
    await fs.writeFile(capturedFile, JSON.stringify(captured));
    const bareServer = await startBareServer(capturedFile);
    bare = bareServer.child;

    const settings: LoadSettings = {
      rounds: options.rounds,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
    };
    const apiRows: ApiRow[] = [];
    for (const scenario of scenarios) {
      for (const connections of CONNECTIONS) {
        step(
          `RYD ${scenario.key} at ${connections} connection(s); load ${loadAvg()[0]}`,
        );
        const ours = await measureLoad(
          { url: rydOrigin, connections, requests: scenario.requests() },
          { ...settings, afterRound: scenario.afterRound },
        );
        const bareFigure = await measureLoad(
          { url: bareServer.url, connections, requests: scenario.requests() },
          settings,
        );
        const { target, verdict } = judgeApi(
          scenario,
          connections,
          ours,
          bareFigure,
        );
        apiRows.push({
          key: scenario.key,
          label: scenario.label,
          connections,
          ours,
          bare: bareFigure,
          target,
          verdict,
        });
      }
    }

    step('signing in to the web app for the page timings');
    const session = await signInToWebApp({
      appUrl,
      persona: 'admin',
      landingPath: '/orgs',
    });
    if (session.landingStatus !== 200) {
      notes.push(
        `The signed-in /orgs page answered HTTP ${session.landingStatus}.`,
      );
    }
    const cookie = session.jar.header(appUrl);
    const staticChunk =
      (await readRootMainFile(build.distDir)) ?? '/favicon.ico';
    const pagePlans = [
      { label: 'organisations', path: '/orgs', target: true },
      { label: 'datasets', path: `/orgs/${oid}/datasets`, target: true },
      { label: 'static file (same server)', path: staticChunk, target: false },
    ];
    const pageRows: PageRow[] = [];
    for (const plan of pagePlans) {
      step(`web ${plan.path}; load ${loadAvg()[0]}`);
      const figure = await measureLoad(
        {
          url: appUrl,
          connections: 1,
          requests: [{ method: 'GET', path: plan.path, headers: { cookie } }],
        },
        settings,
      );
      const met =
        figure.ok > 0 &&
        figure.failed === 0 &&
        figure.p50 <= TARGETS.pageMedianMs;
      pageRows.push({
        label: plan.label,
        path: plan.path,
        figure,
        target: plan.target ? `median <= ${TARGETS.pageMedianMs} ms` : '',
        verdict: plan.target ? verdictOf(met) : '',
      });
    }

    step(`sign-in to first page, ${options.signIns} times (fetch-based)`);
    const signInRuns: number[] = [];
    // One unmeasured run first: the first sign-in also compiles the routes.
    for (let run = 0; run <= options.signIns; run += 1) {
      const started = performance.now();
      const result = await signInToWebApp({
        appUrl,
        persona: 'admin',
        landingPath: '/orgs',
      });
      const elapsed = performance.now() - started;
      if (result.landingStatus !== 200)
        throw new Error(`sign-in landed with HTTP ${result.landingStatus}`);
      if (run > 0) signInRuns.push(elapsed);
    }

    const firstLoadJs: JsRow[] = [];
    for (const route of JS_ROUTES) {
      try {
        const figure = measureFirstLoadJs(
          path.join(PROJECT_DIR, build.distDir),
          route,
        );
        firstLoadJs.push({
          ...figure,
          verdict: verdictOf(figure.gzipBytes <= TARGETS.firstLoadJsBytes),
        });
      } catch (error) {
        notes.push(`First-load JS of ${route}: ${(error as Error).message}`);
      }
    }

    const peaks = sampler.stop();
    const memory: MemoryRow[] = Object.entries(peaks).map(([name, peak]) => ({
      name,
      peak,
      verdict: verdictOf(peak.serverHwmMb * 1024 * 1024 <= TARGETS.rssBytes),
    }));

    const report: BenchReport = {
      label: options.label,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        totalMemoryMb: Math.round(os.totalmem() / 1e6),
        node: process.version,
        loadAvgStart,
        loadAvgEnd: loadAvg(),
      },
      settings: { ...settings, pageConnections: 1 },
      importSeconds: data.importSeconds,
      api: apiRows,
      pages: pageRows,
      firstLoadJs,
      memory,
      signIn: {
        method:
          'fetch-based: next-auth sign-in, identity log-in and consent forms, callback, then GET /orgs',
        runs: signInRuns,
        medianMs: median(signInRuns),
      },
      notes,
    };
    const text = formatReport(report);
    process.stdout.write(`\n${text}\n`);
    const resultFile = path.join(RESULTS_DIR, `${stamp}-${options.label}.json`);
    await fs.writeFile(resultFile, `${JSON.stringify(report, null, 2)}\n`);
    await fs.writeFile(
      path.join(RESULTS_DIR, `${stamp}-${options.label}.txt`),
      `${text}\n`,
    );
    step(`figures written to ${path.relative(PROJECT_DIR, resultFile)}`);
  } finally {
    bare?.kill('SIGTERM');
    await stack?.close();
    log.end();
    await fs.rm(data.dataDir, { recursive: true, force: true });
  }
}

function verdictOf(met: boolean): Verdict {
  return met ? 'met' : 'not met';
}

function judgeApi(
  scenario: Scenario,
  connections: number,
  ours: LoadFigure,
  bare: LoadFigure,
): { target: string; verdict: Verdict } {
  const healthy = ours.ok > 0 && ours.failed === 0;
  if (scenario.key === 'dataset-patch') {
    return {
      target: `p95 <= ${TARGETS.patchP95Ms} ms`,
      verdict: verdictOf(healthy && ours.p95 <= TARGETS.patchP95Ms),
    };
  }
  if (scenario.kind === 'list' && connections === 20) {
    return {
      target: `p95 <= ${TARGETS.listP95Ms} ms, >= 1/3 bare req/s`,
      verdict: verdictOf(
        healthy &&
          ours.p95 <= TARGETS.listP95Ms &&
          ours.rps >= bare.rps * TARGETS.listRpsShareOfBare,
      ),
    };
  }

  return { target: '', verdict: healthy ? '' : 'not met' };
}

/** A JavaScript chunk every page loads: a static file the server sends as is. */
async function readRootMainFile(distDir: string): Promise<string | undefined> {
  const manifest = JSON.parse(
    await fs.readFile(
      path.join(PROJECT_DIR, distDir, 'build-manifest.json'),
      'utf8',
    ),
  ) as { rootMainFiles?: string[] };
  const file = manifest.rootMainFiles?.[0];

  return file ? `/_next/${file}` : undefined;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
