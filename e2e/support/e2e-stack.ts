import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { getChildEnv } from '../../scripts/lib/env';
import { ensureNextBuild } from '../../scripts/lib/next-build';
import { getFreePorts } from '../../scripts/lib/ports';
import { startStack, type Stack } from '../../scripts/stack';
import { PROJECT_DIR, RESULTS_DIR, type E2eEnv } from './env';

/** Builds for e2e stacks live here, one folder per version of the sources. */
export const E2E_DIST_DIR = '.next-e2e';

/** Lets e2e tests rotate the identity service's signing key (SR-05). */
export const E2E_IDENTITY_ADMIN_TOKEN = 'e2e-identity-admin-token-not-secret';

/**
 * Short token lifetimes, so that refresh runs within a test run: an access
 * token lives a minute.
 */
const E2E_SERVER_SETTINGS: Record<string, string> = {
  IDENTITY_ACCESS_TOKEN_TTL: '60',
  IDENTITY_ID_TOKEN_TTL: '120',
  IDENTITY_REFRESH_TOKEN_TTL: '3600',
  IDENTITY_SESSION_TTL: '3600',
  IDENTITY_ADMIN_TOKEN: E2E_IDENTITY_ADMIN_TOKEN,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'info',
};

export type E2eStack = { env: E2eEnv; stack: Stack; logFile: string };

type StartE2eStackOptions = {
  /** Names the log file and temp folder: test-results/<name>-stack.log. */
  name: string;
  /** An existing data folder to use; by default a fresh temp folder. */
  dataDir?: string;
  settings?: Record<string, string>;
};

/** Builds the web app when needed, then starts a stack on free ports. */
export async function startE2eStack(
  options: StartE2eStackOptions,
): Promise<E2eStack> {
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, `${options.name}-stack.log`);
  const output = createWriteStream(logFile);

  const build = await ensureNextBuild({
    cwd: PROJECT_DIR,
    distDir: E2E_DIST_DIR,
    versioned: true,
    output,
    env: getChildEnv(),
  }).catch((error: unknown) => {
    throw new Error(`${describe(error)} (log: ${logFile})`);
  });

  const dataDir =
    options.dataDir ??
    (await fs.mkdtemp(path.join(os.tmpdir(), `iati-${options.name}-`)));
  const [web, identity, ryd] = await getFreePorts(3);
  if (!web || !identity || !ryd) throw new Error('No free ports');

  const stack = await startStack({
    cwd: PROJECT_DIR,
    ports: { web, identity, ryd },
    dataDir,
    distDir: build.distDir,
    env: { ...E2E_SERVER_SETTINGS, ...options.settings },
    isolated: true,
    output,
  }).catch((error: unknown) => {
    throw new Error(`${describe(error)} (log: ${logFile})`);
  });

  return {
    env: {
      appUrl: stack.urls.app,
      identityUrl: stack.urls.identity,
      rydUrl: stack.urls.ryd,
      dataDir,
    },
    stack,
    logFile,
  };
}

/** Stops the stack and removes its temp data folder. */
export async function stopE2eStack(e2e: E2eStack): Promise<void> {
  await e2e.stack.close();
  if (e2e.env.dataDir.startsWith(os.tmpdir())) {
    await fs.rm(e2e.env.dataDir, { recursive: true, force: true });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Global setup and teardown run in the same runner process but may load this
// module separately, so the running stack is kept on a process-wide key.
const RUNNING = Symbol.for('iati-account.e2e-stack');
type Holder = { [RUNNING]?: E2eStack };

export function rememberE2eStack(e2e: E2eStack): void {
  (globalThis as Holder)[RUNNING] = e2e;
}

export function forgetE2eStack(): E2eStack | undefined {
  const holder = globalThis as Holder;
  const e2e = holder[RUNNING];
  delete holder[RUNNING];

  return e2e;
}
