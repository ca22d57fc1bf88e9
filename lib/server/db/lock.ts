import {
  closeSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a pid lock file beside a PGlite folder, which one process at a time
 * may open. A lock left by a process that is gone is taken over.
 */
export function acquirePidLock(lockFile: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) {
            unlinkSync(lockFile);
          }
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);

      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (holder === process.pid) return () => undefined;
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new Error(
          `${what} is in use by process ${holder}; stop it or use another DATA_DIR.`,
        );
      }
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock ${what}.`);
}
