import { existsSync } from 'node:fs';

import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Playwright's own Chromium where it is installed, else Debian's. These flags
 * keep Chromium from calling out to a network that is closed here and from
 * needing a sandbox, which root cannot have.
 */
export function chromiumLaunchOptions() {
  const bundled = chromium.executablePath();

  return {
    executablePath: existsSync(bundled) ? bundled : SYSTEM_CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
