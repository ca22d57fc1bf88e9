import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '@/lib/server/env';
import { PATH_HEADER, SESSION_COOKIE } from './cookies';
import { toSafeCallbackPath } from './safe-url';
import { findActiveSession, toAppSession } from './session-store';
import { isSessionEndedError, type AppSession } from './types';

/** The session id inside a session cookie value, if the cookie is genuine. */
export async function readSessionId(
  cookieValue: string | undefined,
): Promise<string | null> {
  if (!cookieValue) return null;
  try {
    const token = await decode({
      token: cookieValue,
      secret: env.NEXTAUTH_SECRET,
    });
    const sid = token?.sid;

    return typeof sid === 'string' && sid ? sid : null;
  } catch {
    return null;
  }
}

/** The signed-in session of this request, checked against the server store. */
export async function getSession(): Promise<AppSession | null> {
  const store = await cookies();
  const sid = await readSessionId(store.get(SESSION_COOKIE)?.value);
  if (!sid) return null;
  const row = await findActiveSession(sid);

  return row ? toAppSession(row) : null;
}

/** The sign-in page, keeping where the user was (same-origin only). */
export function signInPath(callbackPath: string | null | undefined): string {
  const target = toSafeCallbackPath(callbackPath, env.appOrigin, '');

  return target ? `/?callbackUrl=${encodeURIComponent(target)}` : '/';
}

async function currentPath(): Promise<string | null> {
  return (await headers()).get(PATH_HEADER);
}

/** Sends the user to sign in, back to the current page afterwards. */
export async function redirectToSignIn(callbackPath?: string): Promise<never> {
  redirect(signInPath(callbackPath ?? (await currentPath())));
}

/** The session, or a redirect to sign in (server components and actions). */
export async function requireSession(): Promise<AppSession> {
  const session = await getSession();
  if (!session) return redirectToSignIn();

  return session;
}

/**
 * For pages: a SessionEndedError (the session is over, e.g. a failed
 * refresh) becomes one redirect to sign in; anything else is rethrown.
 */
export async function handleAuthError(error: unknown): Promise<never> {
  if (isSessionEndedError(error)) return redirectToSignIn();
  throw error;
}

/** The signed-in person, or null. */
export async function getCurrentUser(): Promise<AppSession['user'] | null> {
  return (await getSession())?.user ?? null;
}
