import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { getSession } from './session';
import { isSessionEndedError, type AppSession } from './types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function jsonError(status: number, code: string, message: string) {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/**
 * Whether a state-changing request comes from this app's own pages: the
 * Origin must be the app's and bodies must be JSON, which a cross-site form
 * cannot send (SR-28).
 */
export function isSameOriginWrite(request: Request): boolean {
  const method = request.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return true;
  if (request.headers.get('origin') !== env.appOrigin) return false;
  if (!BODY_METHODS.has(method)) return true;
  const contentType = request.headers.get('content-type') ?? '';

  return /^application\/json\s*(;|$)/i.test(contentType);
}

export type SessionHandler<Context> = (
  request: NextRequest,
  context: Context & { session: AppSession },
) => Promise<Response> | Response;

/**
 * Wraps a route handler: 403 for cross-site writes, 401 JSON when signed
 * out or when the session ends during the call, and `no-store` on the reply.
 */
export function withSession<
  Context extends object = {
    params: Promise<Record<string, string | string[]>>;
  },
>(handler: SessionHandler<Context>) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    if (!isSameOriginWrite(request)) {
      logger.warn(
        {
          event: 'csrf.refused',
          method: request.method,
          route: request.nextUrl.pathname,
        },
        'cross-site request refused',
      );

      return jsonError(
        403,
        'forbidden',
        'This request must come from the app itself.',
      );
    }
    const session = await getSession();
    if (!session)
      return jsonError(401, 'unauthenticated', 'Sign in to continue.');
    try {
      const response = await handler(request, { ...context, session });
      response.headers.set('cache-control', 'no-store');

      return response;
    } catch (error) {
      if (isSessionEndedError(error)) {
        return jsonError(
          401,
          error.code,
          'Your session has ended. Sign in again.',
        );
      }
      throw error;
    }
  };
}
