import 'server-only';
import type { CookiesOptions } from 'next-auth';
import { env } from '@/lib/server/env';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Browsers keep `Secure` cookies on https and on localhost, so the prefixed
 * names (SR-02) are used everywhere except plain http on another host.
 */
export const useSecureCookies =
  env.APP_URL.startsWith('https://') ||
  LOCAL_HOSTS.has(new URL(env.APP_URL).hostname);

const hostPrefix = useSecureCookies ? '__Host-' : '';
/** OAuth round-trip cookies live no longer than a sign-in may take. */
const FLOW_MAX_AGE = 15 * 60;

const base = {
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  secure: useSecureCookies,
};

/** Set by proxy.ts so server components know the page they render. */
export const PATH_HEADER = 'x-app-path';

export const SESSION_COOKIE = `${hostPrefix}iati.session`;
export const LOGOUT_STATE_COOKIE = `${hostPrefix}iati.logout-state`;

export const authCookies: CookiesOptions = {
  sessionToken: { name: SESSION_COOKIE, options: base },
  callbackUrl: {
    name: `${hostPrefix}iati.callback-url`,
    options: { ...base, maxAge: FLOW_MAX_AGE },
  },
  csrfToken: { name: `${hostPrefix}iati.csrf-token`, options: base },
  pkceCodeVerifier: {
    name: `${hostPrefix}iati.pkce`,
    options: { ...base, maxAge: FLOW_MAX_AGE },
  },
  state: {
    name: `${hostPrefix}iati.state`,
    options: { ...base, maxAge: FLOW_MAX_AGE },
  },
  nonce: {
    name: `${hostPrefix}iati.nonce`,
    options: { ...base, maxAge: FLOW_MAX_AGE },
  },
};

export const logoutStateCookieOptions = { ...base, maxAge: FLOW_MAX_AGE };
