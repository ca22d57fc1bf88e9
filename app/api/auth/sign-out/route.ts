import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import {
  authCookies,
  LOGOUT_STATE_COOKIE,
  logoutStateCookieOptions,
  SESSION_COOKIE,
} from '@/lib/server/auth/cookies';
import {
  buildEndSessionUrl,
  revokeRefreshToken,
} from '@/lib/server/auth/logout';
import { readSessionId } from '@/lib/server/auth/session';
import { deleteSession } from '@/lib/server/auth/session-store';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';

/**
 * Signs out: ends the server session first (so the cookie is dead even if
 * the rest fails), revokes the refresh token, then sends the browser to the
 * provider's end-session endpoint, which comes back to /signed-out.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.headers.get('origin') !== env.appOrigin) {
    return NextResponse.json(
      {
        error: { code: 'forbidden', message: 'Sign out from the app itself.' },
      },
      { status: 403 },
    );
  }

  const sid = await readSessionId(request.cookies.get(SESSION_COOKIE)?.value);
  const row = sid ? await deleteSession(sid) : null;
  if (row) {
    await revokeRefreshToken(row);
    logger.info(
      { event: 'logout', sub: row.sub, client: row.client },
      'signed out',
    );
  }

  const state = randomBytes(16).toString('base64url');
  const endSession = await buildEndSessionUrl(row, state);
  const target = endSession ?? `${env.APP_URL}/signed-out?state=${state}`;
  const response = NextResponse.redirect(target, 303);
  response.headers.set('cache-control', 'no-store');
  response.cookies.set(LOGOUT_STATE_COOKIE, state, logoutStateCookieOptions);
  for (const cookie of [
    authCookies.sessionToken,
    authCookies.callbackUrl,
    authCookies.csrfToken,
  ]) {
    if (cookie)
      response.cookies.set(cookie.name, '', { ...cookie.options, maxAge: 0 });
  }

  return response;
}
