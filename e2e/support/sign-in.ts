import { expect, type Page } from '@playwright/test';
import { personas, type PersonaKey } from '@/lib/demo/personas';

export type SignInResult = {
  /** Whether the identity service asked for the password (no SSO session). */
  sawPasswordForm: boolean;
  sawConsent: boolean;
};

const APP_BUTTONS = {
  web: 'Sign in with IATI',
  tool: 'Sign in through Demo Publishing Tool',
} as const;

/**
 * Signs in from the landing page as a demo persona, through the web app's
 * own client or the Demo Publishing Tool's, answering the identity
 * service's login and consent pages when they appear.
 */
export async function signInAs(
  page: Page,
  personaKey: PersonaKey,
  options: { client?: 'web' | 'tool'; callbackUrl?: string } = {},
): Promise<SignInResult> {
  const landing = options.callbackUrl
    ? `/?callbackUrl=${encodeURIComponent(options.callbackUrl)}`
    : '/';
  await page.goto(landing);
  await page
    .getByRole('button', { name: APP_BUTTONS[options.client ?? 'web'] })
    .click();

  return completeSignIn(page, personaKey);
}

/** Answers the identity service's pages until the app shows the person signed in. */
export async function completeSignIn(
  page: Page,
  personaKey: PersonaKey,
): Promise<SignInResult> {
  const persona = personas[personaKey];
  const email = page.getByLabel('Email');
  const consent = page.getByRole('button', { name: 'Continue', exact: true });
  const signedIn = page.getByRole('button', { name: 'Sign out', exact: true });
  const result: SignInResult = { sawPasswordForm: false, sawConsent: false };

  for (let step = 0; step < 4; step += 1) {
    await expect(email.or(consent).or(signedIn).first()).toBeVisible();
    if (await signedIn.isVisible()) return result;
    if (await email.isVisible()) {
      result.sawPasswordForm = true;
      await email.fill(persona.email);
      await page.getByLabel('Password').fill(persona.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      continue;
    }
    result.sawConsent = true;
    await consent.click();
  }
  await expect(signedIn).toBeVisible();

  return result;
}

/** Signs out of the app and confirms at the identity service. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
}
