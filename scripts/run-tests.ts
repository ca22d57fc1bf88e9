/**
 * `npm test`: unit and integration tests (vitest), then end-to-end tests
 * (Playwright, which starts its own stack), each with its usual terminal
 * output plus a JSON report under test-results/reports. Ends with one line
 * `N passed, N failed, N skipped` over all suites; exits non-zero when a test
 * failed or a suite could not run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { getChildEnv } from './lib/env';

type SuiteResult = {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  /** Why the suite could not run or report, when it could not. */
  problem?: string;
};

const REPORT_DIR = path.resolve('test-results', 'reports');

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().default(0),
  testResults: z.array(
    z.object({
      status: z.string(),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
  errors: z.array(z.unknown()).default([]),
});

async function runVitest(): Promise<SuiteResult> {
  const reportFile = path.join(REPORT_DIR, 'vitest.json');
  const started = Date.now();
  const exitCode = await run('vitest', process.execPath, [
    path.resolve('node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ]);
  const result: SuiteResult = {
    name: 'unit and integration (vitest)',
    passed: 0,
    failed: 0,
    skipped: 0,
    durationMs: Date.now() - started,
  };
  const report = await readReport(reportFile, vitestReport);
  if (!report)
    return { ...result, problem: `no report (exit code ${exitCode})` };

  // A test file that fails to load, or whose setup fails, has no failed
  // test to count (its tests are skipped or absent): it counts as one.
  const failedFiles = report.testResults.filter(
    (file) =>
      file.status === 'failed' &&
      !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;

  return {
    ...result,
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedFiles,
    skipped: report.numPendingTests + report.numTodoTests,
    problem:
      exitCode !== 0 && report.numFailedTests + failedFiles === 0
        ? `vitest exited with code ${exitCode}`
        : undefined,
  };
}

async function runPlaywright(): Promise<SuiteResult> {
  const reportFile = path.join(REPORT_DIR, 'playwright.json');
  const started = Date.now();
  const exitCode = await run(
    'playwright',
    process.execPath,
    [path.resolve('node_modules', '@playwright', 'test', 'cli.js'), 'test'],
    { PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
  );
  const result: SuiteResult = {
    name: 'end-to-end (Playwright)',
    passed: 0,
    failed: 0,
    skipped: 0,
    durationMs: Date.now() - started,
  };
  const report = await readReport(reportFile, playwrightReport);
  if (!report)
    return { ...result, problem: `no report (exit code ${exitCode})` };

  const { stats } = report;
  const failed = stats.unexpected;
  let problem: string | undefined;
  // Global setup failing (the stack did not start) runs no test at all.
  if (report.errors.length > 0) {
    problem = `${report.errors.length} error(s) outside tests, see above`;
  } else if (exitCode !== 0 && failed === 0) {
    problem = `Playwright exited with code ${exitCode}`;
  }

  return {
    ...result,
    passed: stats.expected + stats.flaky,
    failed,
    skipped: stats.skipped,
    problem,
  };
}

function run(
  label: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<number> {
  console.log(
    `\n=== ${label}: ${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')}\n`,
  );
  const child = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: getChildEnv(extraEnv),
  });
  // Ctrl-C reaches the child through the terminal; the runner just waits.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);

  return new Promise((resolve) => {
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function readReport<T>(
  file: string,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));

    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  await fs.rm(REPORT_DIR, { recursive: true, force: true });
  await fs.mkdir(REPORT_DIR, { recursive: true });

  const suites = [await runVitest(), await runPlaywright()];

  console.log('\nSummary');
  for (const suite of suites) {
    const counts = `${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped`;
    const note = suite.problem
      ? ` — could not run cleanly: ${suite.problem}`
      : '';
    console.log(
      `  ${suite.name}: ${counts} in ${Math.round(suite.durationMs / 1000)} s${note}`,
    );
  }
  console.log(`  reports: ${path.relative(process.cwd(), REPORT_DIR)}/`);

  // A suite that could not run counts as one failure, so the total says so.
  const broken = suites.filter((suite) => suite.problem).length;
  const passed = sum(suites.map((suite) => suite.passed));
  const failed = sum(suites.map((suite) => suite.failed)) + broken;
  const skipped = sum(suites.map((suite) => suite.skipped));
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed > 0 ? 1 : 0;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
