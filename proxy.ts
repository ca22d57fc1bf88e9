import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER, SESSION_COOKIE } from '@/lib/server/auth/cookies';
import { env } from '@/lib/server/env';

/** Pages that need a session. The pages check it too: this only saves a round trip. */
const SIGNED_IN_PREFIXES = ['/orgs', '/datasets', '/me', '/admin'];

function contentSecurityPolicy(nonce: string): string {
  const identityOrigin = new URL(env.IDENTITY_ISSUER).origin;
  const devScripts = env.NODE_ENV === 'development' ? " 'unsafe-eval'" : '';

  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devScripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The sign-out form's answer redirects to the provider's end-session page.
    `form-action 'self' ${identityOrigin}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function isSignedInPath(pathname: string): boolean {
  return SIGNED_IN_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (isSignedInPath(pathname) && !request.cookies.has(SESSION_COOKIE)) {
    const target = new URL('/', env.APP_URL);
    target.searchParams.set('callbackUrl', `${pathname}${search}`);

    return NextResponse.redirect(target);
  }

  const nonce = Buffer.from(
    crypto.getRandomValues(new Uint8Array(16)),
  ).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATH_HEADER, `${pathname}${search}`);
  // Next.js reads the nonce from this request header for its own scripts.
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (pathname.startsWith('/api/') || isSignedInPath(pathname)) {
    response.headers.set('cache-control', 'no-store');
  }

  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
