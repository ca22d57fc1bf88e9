import { test as setup } from '@playwright/test';

import { personaList } from '@/lib/demo/personas';

import { storageStatePath } from './auth-state';
import { signInAs } from './sign-in';

/**
 * Signs every demo persona in once, through the real identity service, and
 * keeps the browser state (the app's session cookie and the SSO session) for
 * the tests to start from: `test.use(signedInAs('editor'))`.
 */
for (const persona of personaList) {
  setup(`${persona.name} signs in`, async ({ page }) => {
    await signInAs(page, persona.key);

    await page.context().storageState({ path: storageStatePath(persona.key) });
  });
}
