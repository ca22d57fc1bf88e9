import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export type ScriptResult = { code: number; stdout: string; stderr: string };

/**
 * Runs one of the repository's command scripts as `npm run` would, on a
 * PGlite folder under `dataDir`, and reports its exit code and output.
 */
export async function runScript(
  script: string,
  args: string[],
  dataDir: string,
): Promise<ScriptResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  // The command must use the PGlite folder, whatever the caller's shell set.
  delete env.DATABASE_URL;

  return run(TSX, [script, ...args], { cwd: ROOT, env }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (error: ScriptResult) => error,
  );
}
