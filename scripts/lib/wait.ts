type WaitForHttpOptions = {
  url: string;
  /** What "ready" means for this server; by default any answer below 500. */
  isReady?: (response: Response) => boolean;
  timeoutMs: number;
  /** Settles when the server's process has exited: no point waiting then. */
  abort: Promise<unknown>;
  /** Names the server in the error message. */
  name: string;
};

const POLL_INTERVAL_MS = 200;

/** Polls a URL until the server answers as ready, exits, or time runs out. */
export async function waitForHttp(options: WaitForHttpOptions): Promise<void> {
  const isReady = options.isReady ?? ((response) => response.status < 500);
  const deadline = Date.now() + options.timeoutMs;
  let aborted = false;
  void options.abort.then(() => {
    aborted = true;
  });
  let lastProblem = 'no answer yet';

  while (Date.now() < deadline) {
    if (aborted) throw new Error(`${options.name} exited while starting`);
    try {
      const response = await fetch(options.url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(5_000),
      });
      await response.body?.cancel();
      if (isReady(response)) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await pause(POLL_INTERVAL_MS);
  }

  throw new Error(
    `${options.name} was not ready at ${options.url} within ${Math.round(options.timeoutMs / 1000)} s (${lastProblem})`,
  );
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
