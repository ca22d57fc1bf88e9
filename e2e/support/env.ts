import path from 'node:path';

import { z } from 'zod';

/**
 * Where the end-to-end stack runs. Global setup starts it on free ports and
 * publishes the URLs as E2E_* variables, which the test workers inherit; this
 * is the only e2e module that reads them.
 */
const envSchema = z.object({
  E2E_APP_URL: z.url(),
  E2E_IDENTITY_URL: z.url(),
  E2E_RYD_URL: z.url(),
  E2E_DATA_DIR: z.string().min(1),
});

export type E2eEnv = {
  appUrl: string;
  identityUrl: string;
  /** RYD API base, ending in /api/v1. */
  rydUrl: string;
  dataDir: string;
};

export const E2E_VARIABLES = {
  appUrl: 'E2E_APP_URL',
  identityUrl: 'E2E_IDENTITY_URL',
  rydUrl: 'E2E_RYD_URL',
  dataDir: 'E2E_DATA_DIR',
} as const satisfies Record<keyof E2eEnv, keyof z.infer<typeof envSchema>>;

export function getE2eEnv(source: NodeJS.ProcessEnv = process.env): E2eEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      'The e2e stack settings are missing: run the tests with `npm run test:e2e` (or `npx playwright test`), whose global setup starts the stack',
    );
  }

  return {
    appUrl: parsed.data.E2E_APP_URL,
    identityUrl: parsed.data.E2E_IDENTITY_URL,
    rydUrl: parsed.data.E2E_RYD_URL,
    dataDir: parsed.data.E2E_DATA_DIR,
  };
}

/**
 * Global setup calls this once the stack is up; the test workers, started
 * afterwards, inherit the variables.
 */
export function publishE2eEnv(env: E2eEnv): void {
  for (const [key, variable] of Object.entries(E2E_VARIABLES)) {
    process.env[variable] = env[key as keyof E2eEnv];
  }
}

/** The project folder: e2e/support is two levels below it. */
export const PROJECT_DIR = path.resolve(__dirname, '..', '..');

/** Files the test run writes, beside Playwright's own results. */
export const RESULTS_DIR = path.join(PROJECT_DIR, 'test-results');
