import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './e2e/support/chromium';

const isCi = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  // Not test-results itself: Playwright empties its output folder at start,
  // and the signed-in states and suite reports live beside it.
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  // Two cores: the three servers need one of them.
  workers: 2,
  fullyParallel: false,
  forbidOnly: isCi,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ??
          'test-results/reports/playwright.json',
      },
    ],
  ],
  use: {
    // Set by global setup before the workers start (e2e/support/env.ts).
    baseURL: process.env.E2E_APP_URL,
    headless: true,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: 'support/auth.setup.ts' },
    {
      name: 'e2e',
      testIgnore: ['support/**', 'real-data/**'],
      dependencies: ['setup'],
    },
    // Imports the full Registry export into a stack of its own.
    { name: 'real-data', testMatch: 'real-data/**/*.spec.ts' },
  ],
});
