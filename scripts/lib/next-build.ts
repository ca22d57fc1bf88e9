import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

import { spawnService } from './child';
import { withDirectoryLock } from './lock';

/** Folders and root files whose contents make up the web app's build. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const ROOT_FILE = /\.(ts|tsx|mts|js|mjs|cjs|json|css)$/;
const ROOT_FILE_EXCLUDED = new Set([
  // Written by `next build` itself: hashing it would make the first build
  // of a fresh clone out of date at once.
  'next-env.d.ts',
  'playwright.config.ts',
  'vitest.config.mts',
  'eslint.config.mjs',
  'drizzle.config.ts',
]);
const TEST_FILE = /\.(test|spec)\.(ts|tsx)$/;
const STAMP_FILE = 'build-inputs.sha256';

type EnsureNextBuildOptions = {
  cwd: string;
  /** Build folder, relative to cwd, as NEXT_DIST_DIR. */
  distDir: string;
  /**
   * Build into `<distDir>/<hash of the sources>` instead, so that a build for
   * changed sources never replaces one that a running stack serves (several
   * test runs share one checkout). Builds unused for an hour are removed.
   */
  versioned?: boolean;
  output: Writable;
  env: NodeJS.ProcessEnv;
  color?: boolean;
};

export type BuildResult = {
  built: boolean;
  durationMs: number;
  /** The folder to serve, relative to cwd: distDir or a folder inside it. */
  distDir: string;
};

const UNUSED_BUILD_MAX_AGE_MS = 60 * 60_000;

/**
 * Runs `next build` unless the build folder holds a finished build of exactly
 * the current sources. The stamp is written only after a build succeeds, so
 * an interrupted build is never taken for a good one.
 */
export async function ensureNextBuild(
  options: EnsureNextBuildOptions,
): Promise<BuildResult> {
  const started = Date.now();
  const basePath = path.resolve(options.cwd, options.distDir);

  return withDirectoryLock(`${basePath}.lock`, async () => {
    const inputs = await hashBuildInputs(options.cwd, options.env);
    const distDir = options.versioned
      ? path.join(options.distDir, inputs.slice(0, 16))
      : options.distDir;
    const distPath = path.resolve(options.cwd, distDir);
    const stampPath = path.join(distPath, STAMP_FILE);
    if (options.versioned) await removeUnusedBuilds(basePath, distPath);

    if (await isBuildCurrent(distPath, stampPath, inputs)) {
      // The stamp's time says when a stack last used the build.
      const now = new Date();
      await fs.utimes(stampPath, now, now);

      return { built: false, durationMs: Date.now() - started, distDir };
    }

    await fs.rm(stampPath, { force: true });
    const tsconfigBefore = await readTsconfig(options.cwd);
    const build = spawnService({
      name: 'build',
      command: process.execPath,
      args: [nextBin(options.cwd), 'build'],
      cwd: options.cwd,
      env: {
        ...options.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      output: options.output,
      color: options.color,
    });
    const exit = await build.exited;
    await undoTsconfigIncludes(options.cwd, tsconfigBefore);
    if (exit.code !== 0) {
      throw new Error(
        `next build failed (${exit.signal ?? `exit code ${exit.code}`}); its output is above`,
      );
    }
    await fs.writeFile(stampPath, `${inputs}\n`);

    return { built: true, durationMs: Date.now() - started, distDir };
  });
}

/** Removes the other versioned builds that no stack has used for an hour. */
async function removeUnusedBuilds(
  basePath: string,
  keepPath: string,
): Promise<void> {
  const entries = await fs
    .readdir(basePath, { withFileTypes: true })
    .catch(() => []);
  for (const entry of entries) {
    const buildPath = path.join(basePath, entry.name);
    if (!entry.isDirectory() || buildPath === keepPath) continue;
    const stamp = await fs
      .stat(path.join(buildPath, STAMP_FILE))
      .catch(() => null);
    const lastUsed = stamp?.mtimeMs ?? (await fs.stat(buildPath)).mtimeMs;
    if (Date.now() - lastUsed > UNUSED_BUILD_MAX_AGE_MS) {
      await fs.rm(buildPath, { recursive: true, force: true });
    }
  }
}

async function isBuildCurrent(
  distPath: string,
  stampPath: string,
  inputs: string,
): Promise<boolean> {
  const [stamp, buildId] = await Promise.all([
    fs.readFile(stampPath, 'utf8').catch(() => ''),
    fs.stat(path.join(distPath, 'BUILD_ID')).catch(() => null),
  ]);

  return buildId !== null && stamp.trim() === inputs;
}

/**
 * One hash over every file the build reads from the project (not
 * node_modules: package-lock.json stands for them) and the NEXT_PUBLIC_
 * settings, which Next.js writes into the client bundle.
 */
export async function hashBuildInputs(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const files: string[] = [];
  for (const entry of await fs.readdir(cwd, { withFileTypes: true })) {
    if (
      entry.isFile() &&
      ROOT_FILE.test(entry.name) &&
      !ROOT_FILE_EXCLUDED.has(entry.name)
    ) {
      files.push(entry.name);
    }
  }
  for (const dir of SOURCE_DIRS) files.push(...(await listFiles(cwd, dir)));
  files.sort();

  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await fs.readFile(path.join(cwd, file)));
    hash.update('\0');
  }
  const publicSettings = Object.entries(env)
    .filter(([key]) => key.startsWith('NEXT_PUBLIC_'))
    .sort(([a], [b]) => a.localeCompare(b));
  hash.update(JSON.stringify(publicSettings));

  return hash.digest('hex');
}

async function listFiles(cwd: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(path.join(cwd, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(cwd, relative)));
    else if (entry.isFile() && !TEST_FILE.test(entry.name))
      files.push(relative);
  }

  return files;
}

/** The Next.js command line, run with this Node.js, without npx in between. */
export function nextBin(cwd: string): string {
  return path.join(cwd, 'node_modules', 'next', 'dist', 'bin', 'next');
}

// `next build` adds `<distDir>/types/**/*.ts` to tsconfig.json's include for
// every new build folder; those folders are excluded anyway, and a build run
// by a script must not leave tracked files changed.
const NEXT_TYPES_INCLUDE =
  /^\.next[^/]*\/([\w-]+\/)?(dev\/)?types\/\*\*\/\*\.ts$/;

async function readTsconfig(cwd: string): Promise<string | undefined> {
  return fs
    .readFile(path.join(cwd, 'tsconfig.json'), 'utf8')
    .catch(() => undefined);
}

/** Puts tsconfig.json back when the build's include entries are all it changed. */
async function undoTsconfigIncludes(
  cwd: string,
  before: string | undefined,
): Promise<void> {
  const after = await readTsconfig(cwd);
  if (before === undefined || after === undefined || after === before) return;
  try {
    const original = JSON.parse(before) as { include?: string[] };
    const changed = JSON.parse(after) as { include?: string[] };
    const kept = new Set(original.include ?? []);
    changed.include = (changed.include ?? []).filter(
      (entry) => kept.has(entry) || !NEXT_TYPES_INCLUDE.test(entry),
    );
    if (JSON.stringify(changed) !== JSON.stringify(original)) return;
  } catch {
    return;
  }
  await fs.writeFile(path.join(cwd, 'tsconfig.json'), before);
}
