import os from 'node:os';

import type { LoadFigure } from './load';
import type { MemoryPeak } from './memory';

export type Verdict = 'met' | 'not met' | '';

export type ApiRow = {
  key: string;
  label: string;
  connections: number;
  ours: LoadFigure;
  bare: LoadFigure;
  target: string;
  verdict: Verdict;
};

export type PageRow = {
  label: string;
  path: string;
  figure: LoadFigure;
  target: string;
  verdict: Verdict;
};

export type JsRow = {
  route: string;
  gzipBytes: number;
  files: number;
  verdict: Verdict;
};

export type MemoryRow = { name: string; peak: MemoryPeak; verdict: Verdict };

export type SignInFigure = {
  method: string;
  runs: number[];
  medianMs: number;
};

export type BenchReport = {
  label: string;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryMb: number;
    node: string;
    loadAvgStart: number[];
    loadAvgEnd: number[];
  };
  settings: {
    rounds: number;
    durationSeconds: number;
    warmupSeconds: number;
    pageConnections: number;
  };
  importSeconds: number;
  api: ApiRow[];
  pages: PageRow[];
  firstLoadJs: JsRow[];
  memory: MemoryRow[];
  signIn: SignInFigure | null;
  notes: string[];
};

export const TARGETS = {
  listP95Ms: 25,
  listRpsShareOfBare: 1 / 3,
  patchP95Ms: 40,
  pageMedianMs: 150,
  /** kB as Next.js prints them: 1,000 bytes. */
  firstLoadJsBytes: 170_000,
  /** MB: 1,000,000 bytes. */
  rssBytes: 300_000_000,
} as const;

export function loadAvg(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

const ms = (value: number) =>
  Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a';
const rps = (value: number) =>
  Number.isFinite(value) ? value.toFixed(0) : 'n/a';
const ratio = (value: number) =>
  Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');

  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

export function formatReport(report: BenchReport): string {
  const parts: string[] = [];
  const { machine, settings } = report;
  parts.push(
    `Benchmark "${report.label}" ${report.startedAt} .. ${report.finishedAt}`,
    `Machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.totalMemoryMb} MB, Node ${machine.node}`,
    `Load average (1/5/15 min) at start ${machine.loadAvgStart.join(' / ')}, at end ${machine.loadAvgEnd.join(' / ')}` +
      (machine.loadAvgStart[0]! > machine.cpus
        ? '  <- busy machine: figures are indicative'
        : ''),
    `Each figure: median over ${settings.rounds} rounds of ${settings.durationSeconds} s after a ${settings.warmupSeconds} s warm-up (autocannon); p50/p95 over 2xx responses.`,
    `Import of the Registry export (npm run import): ${report.importSeconds.toFixed(1)} s`,
    '',
    'RYD API (ours) vs bare node:http server replaying the same bytes',
  );
  parts.push(
    table(
      [
        'request',
        'conn',
        'req/s',
        'p50 ms',
        'p95 ms',
        'bare req/s',
        'bare p95',
        'req/s ours/bare',
        'p95 ours/bare',
        'failed',
        'target',
        'verdict',
      ],
      report.api.map((row) => [
        row.label,
        String(row.connections),
        rps(row.ours.rps),
        ms(row.ours.p50),
        ms(row.ours.p95),
        rps(row.bare.rps),
        ms(row.bare.p95),
        ratio(row.ours.rps / row.bare.rps),
        ratio(row.ours.p95 / row.bare.p95),
        String(row.ours.failed),
        row.target,
        row.verdict,
      ]),
    ),
    '',
    `Web pages (production build, signed in, ${settings.pageConnections} connection)`,
    table(
      ['page', 'req/s', 'p50 ms', 'p95 ms', 'failed', 'target', 'verdict'],
      report.pages.map((row) => [
        `${row.label} ${row.path}`,
        rps(row.figure.rps),
        ms(row.figure.p50),
        ms(row.figure.p95),
        String(row.figure.failed),
        row.target,
        row.verdict,
      ]),
    ),
    '',
    'First-load JavaScript per route (build manifests, gzip -9)',
    table(
      ['route', 'files', 'gzip kB', 'target', 'verdict'],
      report.firstLoadJs.map((row) => [
        row.route,
        String(row.files),
        (row.gzipBytes / 1000).toFixed(1),
        `<= ${TARGETS.firstLoadJsBytes / 1000} kB`,
        row.verdict,
      ]),
    ),
    '',
    'Peak memory with the full export loaded (sampled every 250 ms); the target applies to the server process',
    table(
      [
        'process',
        'server VmHWM MB',
        'tree peak RSS MB',
        'largest VmHWM MB',
        'processes',
        'target',
        'verdict',
      ],
      report.memory.map((row) => [
        row.name,
        (row.peak.serverHwmMb * 1.048576).toFixed(0),
        (row.peak.treeRssMb * 1.048576).toFixed(0),
        (row.peak.largestHwmMb * 1.048576).toFixed(0),
        String(row.peak.processes),
        `<= ${TARGETS.rssBytes / 1e6} MB`,
        row.verdict,
      ]),
    ),
    '',
    report.signIn
      ? `Sign-in to first page (${report.signIn.method}): median ${ms(report.signIn.medianMs)} ms over ${report.signIn.runs.length} runs (${report.signIn.runs.map((run) => run.toFixed(0)).join(', ')})`
      : 'Sign-in to first page: not measured',
  );
  if (report.notes.length > 0)
    parts.push('', 'Notes:', ...report.notes.map((note) => `- ${note}`));

  return parts.join('\n');
}
