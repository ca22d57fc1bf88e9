import { forgetE2eStack, stopE2eStack } from './support/e2e-stack';

/** Stops the stack global setup started and removes its data folder. */
export default async function globalTeardown(): Promise<void> {
  const e2e = forgetE2eStack();
  if (e2e) await stopE2eStack(e2e);
}
