import fs from 'node:fs';

/** Peak memory of one service: its process and whatever it started. */
export type MemoryPeak = {
  /** Highest sum of VmRSS over the process tree seen while sampling (MB). */
  treeRssMb: number;
  /** The kernel's own peak (VmHWM) of each process in the tree, largest (MB). */
  largestHwmMb: number;
  /**
   * The kernel's peak (VmHWM) of the server process itself (MB), without
   * what it started: a short-lived child (the one that creates a new PGlite
   * folder) counts in the tree's figures but is gone once the server runs.
   */
  serverHwmMb: number;
  processes: number;
};

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);

    return match?.[1] ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function listTree(pid: number): number[] {
  const found = [pid];
  for (let index = 0; index < found.length; index += 1) {
    const current = found[index] ?? pid;
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = fs
          .readFileSync(`/proc/${current}/task/${task}/children`, 'utf8')
          .trim();
        if (children) found.push(...children.split(/\s+/).map(Number));
      } catch {
        // The task ended between the two reads.
      }
    }
  }

  return found;
}

/**
 * Polls the RSS of each named process tree (Linux /proc) until stopped, so
 * the peak covers the whole run, including the load phases.
 */
export function startMemorySampler(
  roots: Record<string, number>,
  intervalMs = 250,
): { stop: () => Record<string, MemoryPeak> } {
  const peaks: Record<string, MemoryPeak> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(roots)) {
      const tree = listTree(pid);
      const rssKb = tree.reduce(
        (sum, id) => sum + readStatusKb(id, 'VmRSS'),
        0,
      );
      const hwmKb = Math.max(...tree.map((id) => readStatusKb(id, 'VmHWM')));
      const peak = peaks[name] ?? {
        treeRssMb: 0,
        largestHwmMb: 0,
        serverHwmMb: 0,
        processes: 0,
      };
      peaks[name] = {
        treeRssMb: Math.max(peak.treeRssMb, rssKb / 1024),
        largestHwmMb: Math.max(peak.largestHwmMb, hwmKb / 1024),
        serverHwmMb: Math.max(
          peak.serverHwmMb,
          readStatusKb(pid, 'VmHWM') / 1024,
        ),
        processes: Math.max(peak.processes, tree.length),
      };
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();

  return {
    stop: () => {
      clearInterval(timer);
      sample();

      return peaks;
    },
  };
}
