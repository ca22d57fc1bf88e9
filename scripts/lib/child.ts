import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { Writable } from 'node:stream';

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

export type ServiceProcess = {
  name: string;
  pid: number;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<ExitInfo>;
  /** The last lines it printed, to explain a failed start. */
  recentLines: () => string[];
  /** SIGTERM to its process group, SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<ExitInfo>;
};

type SpawnServiceOptions = {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where prefixed log lines go. */
  output: Writable;
  /** Width the name is padded to, so the log columns line up. */
  prefixWidth?: number;
  color?: boolean;
};

const COLORS = [36, 35, 33, 32, 34];
const RECENT_LINE_COUNT = 30;
const live = new Set<ChildProcess>();
let colorIndex = 0;

/**
 * Each service runs in its own process group, so that stopping it also stops
 * whatever it started (next start runs worker processes), and a terminal's
 * Ctrl-C reaches only the launcher, which then stops the services in order.
 */
export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    throw new Error(`Could not start ${options.name}: ${options.command}`);
  }
  const pid = child.pid;
  live.add(child);

  const label = options.name.padEnd(options.prefixWidth ?? options.name.length);
  const colorCode = COLORS[colorIndex++ % COLORS.length] ?? 36;
  const prefix = options.color
    ? `\u001b[${colorCode}m${label} |\u001b[0m `
    : `${label} | `;
  const recent: string[] = [];
  const onLine = (line: string) => {
    const text = formatLogLine(line);
    recent.push(text);
    if (recent.length > RECENT_LINE_COUNT) recent.shift();
    options.output.write(`${prefix}${text}\n`);
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);

  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      live.delete(child);
      onLine(`could not start: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
  });

  const stop = async (graceMs = 10_000): Promise<ExitInfo> => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    const info = await exited;
    clearTimeout(timer);
    // Workers the service started may outlive it for a moment.
    signalGroup(pid, 'SIGKILL');

    return info;
  };

  return {
    name: options.name,
    pid,
    exited,
    recentLines: () => [...recent],
    stop,
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * Pino writes one JSON object a line; a person reading a terminal wants the
 * level, the message and the few fields, not the timestamp and host.
 */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return line;
  }
  const fields = record as Record<string, unknown>;
  const rest = Object.fromEntries(
    Object.entries(fields).filter(([key]) => !HIDDEN_FIELDS.has(key)),
  );
  const level = fields.level;
  const levelName = typeof level === 'number' ? levelNames[level] : level;
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';

  return `${String(levelName ?? 'log')} ${String(fields.msg ?? '')}${extra}`;
}

const HIDDEN_FIELDS = new Set(['level', 'msg', 'time', 'pid', 'hostname']);
const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

// A launcher that dies on an uncaught error must not leave servers behind.
process.once('exit', () => {
  for (const child of live) {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  }
});
