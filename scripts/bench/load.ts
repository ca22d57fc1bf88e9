import autocannon, {
  type AutocannonOptions,
  type AutocannonRequest,
} from 'autocannon';

/** One timed run of autocannon against one URL. */
export type RoundResult = {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p95: number;
  ok: number;
  /** Responses outside 2xx plus connection errors and timeouts. */
  failed: number;
};

/** Median over rounds of each round's figure. */
export type LoadFigure = {
  rps: number;
  p50: number;
  p95: number;
  ok: number;
  failed: number;
  rounds: RoundResult[];
};

export type LoadPlan = {
  url: string;
  connections: number;
  requests: AutocannonRequest[];
};

export type LoadSettings = {
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Runs after the warm-up and after every round (undo writes, say). */
  afterRound?: () => Promise<void>;
};

/** Value at percentile `p` (0-100) of an ascending list, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);

  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;

  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * autocannon reports p97.5 but no p95, so every response time is kept and
 * the percentiles are computed here, over successful responses only.
 */
async function runRound(
  plan: LoadPlan,
  durationSeconds: number,
): Promise<RoundResult> {
  const latencies: number[] = [];
  const options: AutocannonOptions = {
    url: plan.url,
    connections: plan.connections,
    duration: durationSeconds,
    pipelining: 1,
    timeout: 30,
    requests: plan.requests,
  };
  const instance = autocannon(options);
  instance.on(
    'response',
    (_client: unknown, status: number, _bytes: number, time: number) => {
      if (status >= 200 && status < 300) latencies.push(time);
    },
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const failed = result.non2xx + result.errors + result.timeouts;

  return {
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    ok: latencies.length,
    failed,
  };
}

/** A warm-up, then `rounds` timed rounds; figures are medians over rounds. */
export async function measureLoad(
  plan: LoadPlan,
  settings: LoadSettings,
): Promise<LoadFigure> {
  if (settings.warmupSeconds > 0) {
    await runRound(plan, settings.warmupSeconds);
    await settings.afterRound?.();
  }
  const rounds: RoundResult[] = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    rounds.push(await runRound(plan, settings.durationSeconds));
    await settings.afterRound?.();
  }

  return {
    rps: median(rounds.map((round) => round.rps)),
    p50: median(rounds.map((round) => round.p50)),
    p95: median(rounds.map((round) => round.p95)),
    ok: rounds.reduce((sum, round) => sum + round.ok, 0),
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    rounds,
  };
}
