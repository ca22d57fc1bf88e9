import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER, SESSION_COOKIE } from '@/lib/server/auth/cookies';
import { isUuid } from '@/lib/ryd/ids';
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

/**
 * Sections whose second path segment is a record id, with the static pages
 * that sit beside the [oid] or [did] route there.
 */
const RECORD_SECTIONS: Record<string, readonly string[]> = {
  orgs: ['new', 'join'],
  datasets: [],
};

/**
 * Whether the address names an organisation or dataset by an id that is no
 * UUID. The pages' layouts refuse such ids too, but from inside the loading
 * boundary, where the response has already started with 200; answering here
 * gives the not-found page its 404 (Next.js loading.js, "Status codes").
 */
function hasMalformedRecordId(pathname: string): boolean {
  const [, section = '', id] = pathname.split('/');
  const staticPages = RECORD_SECTIONS[section];
  if (!staticPages || id === undefined || id === '') return false;

  return !staticPages.includes(id) && !isUuid(decodeURIComponentSafely(id));
}

function decodeURIComponentSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
  // Next.js's built-in not-found route renders app/not-found.tsx with 404.
  const response = hasMalformedRecordId(pathname)
    ? NextResponse.rewrite(new URL('/_not-found', request.url), {
        request: { headers: requestHeaders },
      })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (pathname.startsWith('/api/') || isSignedInPath(pathname)) {
    response.headers.set('cache-control', 'no-store');
  }

  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
