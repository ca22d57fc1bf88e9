/**
 * Route plumbing: the bearer-token + scope wrapper, the validation hook that
 * turns zod issues into the RYD 400 envelope, and a `createRoute` wrapper
 * that documents the common error responses once.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';

import { RydError } from '@/lib/ryd/errors';
import { errorEnvelopeSchema } from '@/lib/ryd/schemas';
import type { RydScope } from '@/lib/ryd/scopes';

import { readBearerToken, TokenRejectedError } from '../auth/verify-token';
import type { AppDeps, AppEnv } from '../context';

/**
 * Authenticates the bearer token, then requires every listed scope (AND).
 * Token problems are 401 `invalid_token`; a missing scope is 403
 * `insufficient_scope` (SR-21, SR-22).
 */
export function withScopes(
  deps: AppDeps,
  scopes: readonly RydScope[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let principal;
    try {
      const token = readBearerToken(c.req.header('authorization'));
      principal = await deps.verifyAccessToken(token);
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        deps.logger.warn(
          {
            requestId: c.get('requestId'),
            route: c.req.routePath,
            reason: error.reason,
          },
          'access token rejected',
        );
      }
      throw error;
    }
    const missing = scopes.filter((scope) => !principal.scopes.has(scope));
    if (missing.length > 0) {
      deps.logger.warn(
        {
          requestId: c.get('requestId'),
          route: c.req.routePath,
          sub: principal.sub,
          missing,
        },
        'insufficient scope',
      );
      throw new RydError(
        'insufficient_scope',
        `Your access token lacks the scope needed for this request (${missing.join(' ')}).`,
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/** "Data validation error: Field 'x': message." as the official server. */
export function formatValidationError(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.length ? String(issue.path.at(-1)) : 'body';

    return `Field '${field}': ${issue.message.replace(/\.$/, '')}.`;
  });

  return `Data validation error: ${parts.join(' ')}`;
}

export const validationHook = (result: {
  success: boolean;
  error?: unknown;
}) => {
  if (!result.success) {
    const error = result.error as z.ZodError;
    throw new RydError('validation_error', formatValidationError(error));
  }
};

const errorContent = {
  'application/json': { schema: errorEnvelopeSchema },
};

/** A documented error response: always the RYD error envelope. */
export function errorResponse(description: string) {
  return { description, content: errorContent };
}

const COMMON_ERRORS = {
  400: {
    description: 'Validation error or refused request',
    content: errorContent,
  },
  401: {
    description: 'Missing or invalid access token',
    content: errorContent,
  },
  403: { description: 'Missing scope or permission', content: errorContent },
  404: { description: 'Not found', content: errorContent },
  500: { description: 'Unexpected error', content: errorContent },
} as const;

/**
 * Refuses an absent or blank body where the route requires one. The JSON
 * validator would read it as `{}`, which an all-optional PATCH schema accepts
 * (a silent no-op 200); the official server answers 400 "Field required".
 */
const requireBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if ((await c.req.text()).trim() === '') {
    throw new RydError(
      'validation_error',
      "Data validation error: Field 'body': Field required.",
    );
  }
  await next();
};

type RydRouteConfig<R extends RouteConfig> = R & {
  scopes: readonly RydScope[];
};

/**
 * Declares an authenticated route: documents its scopes and the common error
 * responses and puts the token/scope check before request validation.
 */
export function rydRoute<R extends RouteConfig>(
  deps: AppDeps,
  config: RydRouteConfig<R>,
) {
  const { scopes, ...route } = config;

  return createRoute({
    ...route,
    security: [
      { openIdConnect: [...scopes] },
      { clientCredentials: [...scopes] },
    ],
    middleware: route.request?.body?.required
      ? [withScopes(deps, scopes), requireBody]
      : [withScopes(deps, scopes)],
    responses: { ...COMMON_ERRORS, ...route.responses },
  } as unknown as R);
}
