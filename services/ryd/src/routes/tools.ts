/**
 * Tools: E22 (all tools) and E9-E11 (tool authorisations of an org), which
 * the official server leaves unimplemented; here they work as the spec says.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';

import { RydError, successBody } from '@/lib/ryd/errors';
import {
  emptySuccessSchema,
  toolGrantSchema,
  toolListSchema,
  uuidSchema,
} from '@/lib/ryd/schemas';

import type { AppDeps, AppEnv } from '../context';
import { toolAuthorisations, tools } from '../db/schema';
import { getOrgAccess, orgNotFound, requirePermission } from '../lib/access';
import { writeAudit } from '../lib/audit';
import { errorResponse, rydRoute } from '../lib/route';
import { findLiveOrg } from './reporting-orgs';

const oidParams = z.object({ oid: uuidSchema });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const toolColumns = {
  id: tools.id,
  name: tools.name,
  provider: tools.provider,
};

export function registerToolRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;

  // E22
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/tools',
      summary: 'List registered tools (E22)',
      scopes: ['ryd'],
      responses: { 200: json(toolListSchema, 'Every registered tool') },
    }),
    async (c) => {
      const rows = await db
        .select(toolColumns)
        .from(tools)
        .orderBy(asc(tools.name), asc(tools.id));

      return c.json(successBody(rows), 200);
    },
  );

  // E9
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/reporting-orgs/{oid}/tools',
      summary: 'Tools authorised for a reporting organisation (E9)',
      scopes: ['ryd', 'ryd:reporting_org:tool'],
      request: { params: oidParams },
      responses: { 200: json(toolListSchema, 'Authorised tools') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'read-org');

      if (access.isSuperadmin && !(await findLiveOrg(db, oid))) {
        throw orgNotFound(oid);
      }
      const rows = await db
        .select(toolColumns)
        .from(toolAuthorisations)
        .innerJoin(tools, eq(tools.id, toolAuthorisations.toolId))
        .where(eq(toolAuthorisations.orgId, oid))
        .orderBy(asc(tools.name), asc(tools.id));

      return c.json(successBody(rows), 200);
    },
  );

  // E10
  api.openapi(
    rydRoute(deps, {
      method: 'post',
      path: '/reporting-orgs/{oid}/tools',
      summary: 'Authorise a tool for a reporting organisation (E10)',
      scopes: ['ryd', 'ryd:reporting_org:tool:update'],
      request: {
        params: oidParams,
        body: {
          required: true,
          content: { 'application/json': { schema: toolGrantSchema } },
        },
      },
      responses: {
        201: json(emptySuccessSchema, 'Authorised'),
        409: errorResponse('Already authorised'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');
      const { tid } = c.req.valid('json');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'set-org-tool-authz');

      if (!(await findLiveOrg(db, oid))) throw orgNotFound(oid);
      const [tool] = await db
        .select(toolColumns)
        .from(tools)
        .where(eq(tools.id, tid));
      if (!tool) {
        throw new RydError(
          'bad_request',
          `There is no tool with ID ${tid} in the Registry.`,
        );
      }
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(toolAuthorisations)
          .values({ toolId: tid, orgId: oid })
          .onConflictDoNothing()
          .returning();
        if (!row) {
          throw new RydError(
            'conflict',
            `The tool ${tool.name} is already authorised for this organisation.`,
          );
        }
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action: 'tool_authorisation.grant',
            entityType: 'tool_authorisation',
            entityId: tid,
            orgId: oid,
            after: tool,
          },
        );
      });

      return c.json(successBody(null), 201);
    },
  );

  // E11
  api.openapi(
    rydRoute(deps, {
      method: 'delete',
      path: '/reporting-orgs/{oid}/tools/{tid}',
      summary: 'Revoke a tool authorisation (E11)',
      scopes: ['ryd', 'ryd:reporting_org:tool:update'],
      request: { params: z.object({ oid: uuidSchema, tid: uuidSchema }) },
      responses: { 200: json(emptySuccessSchema, 'Revoked') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid, tid } = c.req.valid('param');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'set-org-tool-authz');

      if (!(await findLiveOrg(db, oid))) throw orgNotFound(oid);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(toolAuthorisations)
          .where(
            and(
              eq(toolAuthorisations.orgId, oid),
              eq(toolAuthorisations.toolId, tid),
            ),
          )
          .returning();
        if (!row) {
          throw new RydError(
            'not_found',
            `The tool with ID ${tid} is not authorised for this organisation.`,
          );
        }
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action: 'tool_authorisation.revoke',
            entityType: 'tool_authorisation',
            entityId: tid,
            orgId: oid,
            before: { tool_id: tid },
          },
        );
      });

      return c.json(successBody(null), 200);
    },
  );
}
