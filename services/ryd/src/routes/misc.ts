/** E23 licences (public) and E24 access check. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';

import { successBody } from '@/lib/ryd/errors';
import { accessCheckSchema, licenceListSchema } from '@/lib/ryd/schemas';

import type { AppDeps, AppEnv } from '../context';
import { errorResponse, rydRoute } from '../lib/route';

export function registerMiscRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps) {
  // E23: no authentication, a bare array (no envelope), as the spec says.
  api.openapi(
    createRoute({
      method: 'get',
      path: '/licences',
      summary: 'List licences (E23)',
      responses: {
        200: {
          description: 'Every licence id the registry knows',
          content: { 'application/json': { schema: licenceListSchema } },
        },
        500: errorResponse('Unexpected error'),
      },
    }),
    (c) => c.json([...deps.licences], 200),
  );

  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/access-check',
      summary: 'Check an access token (E24)',
      scopes: ['ryd'],
      responses: {
        200: {
          description: 'The token is valid',
          content: { 'application/json': { schema: accessCheckSchema } },
        },
      },
    }),
    (c) => c.json(successBody({ message: 'Access token is valid' }), 200),
  );
}
