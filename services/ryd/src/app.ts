/**
 * The RYD HTTP application: /api/v1 routes, the OpenAPI document generated
 * from the shared zod schemas, and one error boundary that answers every
 * failure in the RYD envelope.
 */
import { randomUUID } from 'node:crypto';

import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';

import {
  errorEnvelope,
  INTERNAL_ERROR_MESSAGE,
  isRydError,
  type ErrorCode,
} from '@/lib/ryd/errors';

import type { AppDeps, AppEnv } from './context';
import { validationHook } from './lib/route';
import { registerDatasetRoutes } from './routes/datasets';
import { registerMiscRoutes } from './routes/misc';
import { registerReportingOrgRoutes } from './routes/reporting-orgs';
import { registerToolRoutes } from './routes/tools';
import { registerUserRoutes } from './routes/users';

export const API_PREFIX = '/api/v1';
export const MAX_BODY_BYTES = 64 * 1024;

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function sendError(c: Context, code: ErrorCode, message: string) {
  const body = errorEnvelope(code, message);

  return c.json(body, body.error.status_code as 400);
}

const HTTP_EXCEPTION_CODES: Record<number, ErrorCode> = {
  400: 'validation_error',
  401: 'invalid_token',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId =
      incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    c.header('cache-control', 'no-store');
    deps.logger.debug(
      {
        requestId,
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });

  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const body = errorEnvelope('method_not_allowed', 'Method Not Allowed');

        return c.json(body, 405, { Allow: methods.join(', ') });
      },
    }),
  );

  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry
        // another request; saying so keeps clients from reusing it and
        // failing their next request (RFC 9112 §9.6).
        c.header('connection', 'close');

        return sendError(
          c,
          'payload_too_large',
          `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
        );
      },
    }),
  );

  // Contract §0: malformed JSON is refused before authentication, and a body
  // sent without a Content-Type is read as JSON. JSON text is UTF-8 (RFC 8259
  // §8.1): invalid bytes are refused, not stored as U+FFFD.
  app.use(async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const contentType = c.req.header('content-type');
    if (
      contentType &&
      !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)
    ) {
      return next();
    }
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      return sendError(
        c,
        'validation_error',
        "Data validation error: Field 'body': The request body is not valid UTF-8.",
      );
    }
    if (text.trim() === '') return next();
    try {
      JSON.parse(text);
    } catch {
      return sendError(
        c,
        'validation_error',
        "Data validation error: Field 'body': The request body is not valid JSON.",
      );
    }
    if (!contentType) {
      c.req.raw = new Request(c.req.url, {
        method: c.req.method,
        headers: { ...c.req.header(), 'content-type': 'application/json' },
        body: text,
      });
    }

    return next();
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerMiscRoutes(api, deps);
  registerReportingOrgRoutes(api, deps);
  registerUserRoutes(api, deps);
  registerDatasetRoutes(api, deps);
  registerToolRoutes(api, deps);

  api.openAPIRegistry.registerComponent('securitySchemes', 'openIdConnect', {
    type: 'openIdConnect',
    openIdConnectUrl: '/.well-known/openid-configuration',
  });
  api.openAPIRegistry.registerComponent(
    'securitySchemes',
    'clientCredentials',
    {
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } },
    },
  );
  api.doc('/openapi.json', (c) => ({
    openapi: '3.0.3',
    info: {
      title: 'IATI Register Your Data API',
      version: '0.9.15',
      description:
        'Implementation of the IATI Register Your Data API. Extensions to the official contract: `q` and `all=yes` (superadmins) on GET /reporting-orgs; `q`, `file_type`, `visibility` and `sort` on GET /reporting-orgs/{oid}/datasets; `dataset_count` on OrgRelation; `file_type` and `language` (an IATI Language code) in DatasetMetadata, DatasetCreate and DatasetUpdate; `version` on OrgUser; GET /reporting-orgs/{oid}/audit; ETag/If-Match (412) on PATCH, PUT and DELETE; Idempotency-Key on create POSTs; `error.code` in error envelopes.',
    },
    servers: [
      { url: `${deps.publicUrl ?? new URL(c.req.url).origin}${API_PREFIX}` },
    ],
  }));

  app.route(API_PREFIX, api);

  app.notFound((c) => sendError(c, 'not_found', 'Not Found'));

  app.onError((error, c) => {
    if (isRydError(error)) return sendError(c, error.code, error.message);
    if (error instanceof HTTPException) {
      const code = HTTP_EXCEPTION_CODES[error.status];
      if (code) return sendError(c, code, error.message || 'Bad Request');
    }
    deps.logger.error(
      {
        requestId: c.get('requestId'),
        route: c.req.routePath,
        method: c.req.method,
        err: { name: error.name, message: error.message, stack: error.stack },
      },
      'unhandled error',
    );

    return sendError(c, 'internal_error', INTERNAL_ERROR_MESSAGE);
  });

  return app;
}
