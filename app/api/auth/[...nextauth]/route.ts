import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/server/auth/cookies';
import { revokeRefreshToken } from '@/lib/server/auth/logout';
import { authOptions } from '@/lib/server/auth/options';
import { readSessionId } from '@/lib/server/auth/session';
import { deleteSession } from '@/lib/server/auth/session-store';

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (
  request: NextRequest,
  context: Context,
) => Promise<Response>;

function setsNewSession(response: Response): boolean {
  return response.headers
    .getSetCookie()
    .some(
      (cookie) =>
        cookie.startsWith(`${SESSION_COOKIE}=`) &&
        !cookie.startsWith(`${SESSION_COOKIE}=;`),
    );
}

async function handle(
  request: NextRequest,
  context: Context,
): Promise<Response> {
  const [action] = (await context.params).nextauth;
  // Signing out must also end the server session and the provider session.
  if (action === 'signout') {
    return NextResponse.json(
      {
        error: {
          code: 'not_found',
          message: 'Sign out with POST /api/auth/sign-out.',
        },
      },
      { status: 404 },
    );
  }
  const previous = request.cookies.get(SESSION_COOKIE)?.value;
  const response = await nextAuth(request, context);

  // A new sign-in replaces the session this browser had before (SR-07).
  if (action === 'callback' && previous && setsNewSession(response)) {
    const sid = await readSessionId(previous);
    const row = sid ? await deleteSession(sid) : null;
    if (row) await revokeRefreshToken(row);
  }

  return response;
}

export { handle as GET, handle as POST };
