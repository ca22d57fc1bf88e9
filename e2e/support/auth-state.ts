import path from 'node:path';

import type { Browser, BrowserContext, Page } from '@playwright/test';

import type { PersonaKey } from '@/lib/demo/personas';

import { getE2eEnv, RESULTS_DIR } from './env';

/**
 * Where the setup project keeps each persona's signed-in browser state
 * (cookies of the web app and of the identity service's SSO session).
 */
export function storageStatePath(persona: PersonaKey): string {
  return path.join(RESULTS_DIR, '.auth', `${persona}.json`);
}

/**
 * Options for `test.use(...)`: the tests of the file or describe block start
 * signed in as the persona. Example: `test.use(signedInAs('editor'))`.
 */
export function signedInAs(persona: PersonaKey): { storageState: string } {
  return { storageState: storageStatePath(persona) };
}

/**
 * A second browser context signed in as another persona, for tests that watch
 * two people at once (an admin removes a member, the member loses access).
 * Close the context at the end of the test.
 */
export async function openPageAs(
  browser: Browser,
  persona: PersonaKey,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: getE2eEnv().appUrl,
    storageState: storageStatePath(persona),
  });

  return { context, page: await context.newPage() };
}
