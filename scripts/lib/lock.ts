import fs from 'node:fs/promises';
import path from 'node:path';

const POLL_INTERVAL_MS = 500;
const DEFAULT_TIMEOUT_MS = 20 * 60_000;

/**
 * Runs `work` while holding a lock folder (mkdir is atomic), so that two runs
 * on one checkout do not build into the same folder at once. A lock left by
 * a process that no longer runs is taken over.
 */
export async function withDirectoryLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const pidFile = path.join(lockPath, 'pid');

  for (;;) {
    try {
      await fs.mkdir(lockPath);
      await fs.writeFile(pidFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await fs.readFile(pidFile, 'utf8').catch(() => ''));
    if (holder > 0 && !isRunning(holder)) {
      await fs.rm(lockPath, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${lockPath} is held by process ${holder || 'unknown'}; remove the folder if that process is gone`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }

  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
