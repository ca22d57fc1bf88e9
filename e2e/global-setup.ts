import { publishE2eEnv } from './support/env';
import { rememberE2eStack, startE2eStack } from './support/e2e-stack';

/**
 * Starts identity, RYD and the production web app on free ports with a fresh
 * data folder, and publishes their URLs to the test workers, which inherit
 * this process's environment. global-teardown.ts stops them.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const e2e = await startE2eStack({ name: 'e2e' });
  rememberE2eStack(e2e);
  publishE2eEnv(e2e.env);
  console.log(
    `e2e stack ready in ${Math.round((Date.now() - started) / 1000)} s at ${e2e.env.appUrl} (logs: ${e2e.logFile})`,
  );
}
