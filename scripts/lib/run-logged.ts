import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

/**
 * Runs a command to completion with its output written to `log`, and
 * rejects with the command line when it exits with anything but 0.
 */
export function runLogged(options: {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  log: Writable;
  cwd?: string;
}): Promise<void> {
  const line = `${options.command} ${options.args.join(' ')}`;
  options.log.write(`$ ${line}\n`);
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(options.log, { end: false });
  child.stderr.pipe(options.log, { end: false });

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${line} exited with code ${code}`));
    });
  });
}
