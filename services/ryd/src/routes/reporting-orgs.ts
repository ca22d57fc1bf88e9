/**
 * Reporting organisations: E1-E8 and the audit extension.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';

import { RydError, successBody } from '@/lib/ryd/errors';
import type { OrgRole } from '@/lib/ryd/permissions';
import {
  auditListSchema,
  datasetListSchema,
  discoverableOrgListSchema,
  emptySuccessSchema,
  orgDatasetsQuerySchema,
  orgRelationListSchema,
  orgRelationResponseSchema,
  orgUserListSchema,
  pageQuerySchema,
  reportingOrgCreateSchema,
  reportingOrgsQuerySchema,
  reportingOrgUpdateSchema,
  discoverableOrgsQuerySchema,
  uuidSchema,
  type OrgRelation,
  type OrgUser,
  type ReportingOrgCreate,
} from '@/lib/ryd/schemas';

import type { AppDeps, AppEnv } from '../context';
import type { RydExecutor } from '../db/client';
import {
  auditLog,
  datasetActions,
  datasets,
  memberships,
  reportingOrgs,
  users,
  type ReportingOrgRow,
} from '../db/schema';
import {
  forbidden,
  getOrgAccess,
  isSuperadmin,
  isToolAdminUser,
  orgNotFound,
  requirePermission,
} from '../lib/access';
import { queueMessages, writeAudit } from '../lib/audit';
import {
  assertVersionMatches,
  buildPagination,
  formatDate,
  formatEtag,
  likePattern,
  readIfMatch,
  toPage,
  type Page,
} from '../lib/http';
import { withIdempotency } from '../lib/idempotency';
import {
  toDatasetRead,
  toDiscoverableMetadata,
  toOrgMetadata,
} from '../lib/mappers';
import { errorResponse, rydRoute } from '../lib/route';
import { isUniqueViolation, queryRows } from '../lib/rows';
import { ensureUser } from '../lib/users';

const oidParams = z.object({ oid: uuidSchema });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const liveOrg = isNull(reportingOrgs.deletedAt);
const orgNameOrder = [
  sql`lower(${reportingOrgs.humanReadableName})`,
  asc(reportingOrgs.id),
];
// The outer column is named with its table: in a query over reporting_orgs
// alone Drizzle writes a bare "id", which inside the subquery is the
// dataset's own id, and every count came out 0.
const datasetCount = sql<number>`(select count(*) from ${datasets} d
  where d.owner_org_id = ${reportingOrgs}.${sql.identifier('id')}
  and d.deleted_at is null)`.mapWith(Number);

function orgSearch(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = likePattern(q);

  return or(
    sql`lower(${reportingOrgs.humanReadableName}) like ${pattern}`,
    sql`${reportingOrgs.shortName} like ${pattern}`,
    sql`lower(${reportingOrgs.organisationIdentifier}) like ${pattern}`,
  );
}

/**
 * The total for a page. A page shorter than the page size (and not past the
 * end) tells it; otherwise one separate count, which Postgres answers from
 * an index. Counting with `count(*) over()` in the page query instead made
 * it read and sort every matching row, all columns, to return one page.
 */
async function totalFor(
  rows: readonly unknown[],
  page: Page,
  count: () => Promise<number>,
): Promise<number> {
  if (rows.length > 0 && rows.length < page.pageSize) {
    return page.offset + rows.length;
  }

  return rows.length === 0 && page.offset === 0 ? 0 : count();
}

export async function findLiveOrg(
  db: RydExecutor,
  oid: string,
): Promise<ReportingOrgRow | undefined> {
  const [org] = await db
    .select()
    .from(reportingOrgs)
    .where(and(eq(reportingOrgs.id, oid), liveOrg));

  return org;
}

async function countDatasets(db: RydExecutor, oid: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(datasets)
    .where(and(eq(datasets.ownerOrgId, oid), isNull(datasets.deletedAt)));

  return row?.n ?? 0;
}

function toRelation(
  org: ReportingOrgRow,
  role: OrgRole,
  count: number | undefined,
): OrgRelation {
  const pending = role === 'contributor_pending';

  return {
    id: org.id,
    metadata: pending ? toDiscoverableMetadata(org) : toOrgMetadata(org),
    reporting_org_actions: [],
    user_role: role,
    ...(pending || count === undefined ? {} : { dataset_count: count }),
  };
}

/** E2/E13: the organisations where `uid` holds a regular role. */
export async function listMemberOrgs(
  db: RydExecutor,
  options: { uid: string; page: Page; q: string | undefined },
): Promise<{ items: OrgRelation[]; total: number }> {
  const where = and(
    eq(memberships.userId, options.uid),
    liveOrg,
    orgSearch(options.q),
  );
  const rows = await db
    .select({
      org: reportingOrgs,
      role: memberships.role,
      count: datasetCount,
    })
    .from(memberships)
    .innerJoin(reportingOrgs, eq(reportingOrgs.id, memberships.orgId))
    .where(where)
    .orderBy(...orgNameOrder)
    .limit(options.page.pageSize)
    .offset(options.page.offset);
  const total = await totalFor(rows, options.page, async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(memberships)
      .innerJoin(reportingOrgs, eq(reportingOrgs.id, memberships.orgId))
      .where(where);

    return row?.n ?? 0;
  });

  return {
    items: rows.map((row) => toRelation(row.org, row.role, row.count)),
    total,
  };
}

async function listAllOrgs(
  db: RydExecutor,
  options: { page: Page; q: string | undefined },
): Promise<{ items: OrgRelation[]; total: number }> {
  const where = and(liveOrg, orgSearch(options.q));
  const rows = await db
    .select({ org: reportingOrgs, count: datasetCount })
    .from(reportingOrgs)
    .where(where)
    .orderBy(...orgNameOrder)
    .limit(options.page.pageSize)
    .offset(options.page.offset);
  const total = await totalFor(rows, options.page, async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(reportingOrgs)
      .where(where);

    return row?.n ?? 0;
  });

  return {
    items: rows.map((row) => toRelation(row.org, 'super_admin', row.count)),
    total,
  };
}

function newOrgMessage(
  deps: AppDeps,
  org: ReportingOrgRow,
  creator: { uid: string; name: string; email: string },
) {
  const body = [
    'A new organisation has been registered and needs approval.',
    '',
    `Short name: ${org.shortName}`,
    `Name: ${org.humanReadableName}`,
    `Organisation id: ${org.id}`,
    `Created by: ${creator.name || '(no name)'} <${creator.email || 'no e-mail'}> (user id ${creator.uid})`,
    `Created on: ${formatDate(org.createdDate)}`,
  ].join('\n');

  return {
    kind: 'org_needs_approval' as const,
    recipientEmail: deps.supportEmail,
    recipientName: 'IATI Support',
    subject: 'New organisation requires approval',
    body,
    payload: { oid: org.id, creatorUid: creator.uid },
  };
}

function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = {
    before: {} as Record<string, unknown>,
    after: {} as Record<string, unknown>,
  };
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) {
      diff.before[key] = before[key];
      diff.after[key] = after[key];
    }
  }

  return diff;
}

/** Contract field names to schema columns for E3/E5 bodies. */
function toOrgColumns(
  body: Partial<Record<keyof ReportingOrgCreate, string | null>>,
) {
  const columns: Partial<typeof reportingOrgs.$inferInsert> = {};
  const map = {
    human_readable_name: 'humanReadableName',
    contact_email: 'contactEmail',
    organisation_identifier: 'organisationIdentifier',
    address: 'address',
    data_portal_url: 'dataPortalUrl',
    default_licence_id: 'defaultLicenceId',
    description: 'description',
    exclusions_policy_url: 'exclusionsPolicyUrl',
    fax: 'fax',
    hq_country: 'hqCountry',
    organisation_type: 'organisationType',
    phone: 'phone',
    region: 'region',
    reporting_source_type: 'reportingSourceType',
    website: 'website',
  } as const;
  for (const [field, column] of Object.entries(map)) {
    const value = body[field as keyof typeof map];
    if (value !== undefined) {
      (columns as Record<string, unknown>)[column] = value;
    }
  }

  return columns;
}

export function registerReportingOrgRoutes(
  api: OpenAPIHono<AppEnv>,
  deps: AppDeps,
) {
  const { db } = deps;

  // E1
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/discoverable-reporting-orgs',
      summary: 'Search discoverable reporting organisations (E1)',
      scopes: ['ryd', 'ryd:reporting_org'],
      request: { query: discoverableOrgsQuerySchema },
      responses: {
        200: json(discoverableOrgListSchema, 'A page of organisations'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = toPage(query);

      const where = and(
        eq(reportingOrgs.discoverable, true),
        liveOrg,
        orgSearch(query.q),
      );
      const rows = await db
        .select({
          id: reportingOrgs.id,
          hqCountry: reportingOrgs.hqCountry,
          humanReadableName: reportingOrgs.humanReadableName,
          organisationIdentifier: reportingOrgs.organisationIdentifier,
          region: reportingOrgs.region,
          shortName: reportingOrgs.shortName,
          website: reportingOrgs.website,
        })
        .from(reportingOrgs)
        .where(where)
        .orderBy(...orgNameOrder)
        .limit(page.pageSize)
        .offset(page.offset);
      const total = await totalFor(rows, page, async () => {
        const [row] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(reportingOrgs)
          .where(where);

        return row?.n ?? 0;
      });

      return c.json(
        {
          ...successBody(
            rows.map((row) => ({
              id: row.id,
              metadata: toDiscoverableMetadata(row),
            })),
          ),
          pagination: buildPagination(c, deps.publicUrl, page, total),
        },
        200,
      );
    },
  );

  // E2
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/reporting-orgs',
      summary: "List the caller's reporting organisations (E2)",
      description:
        'Extensions: `q` searches name, short name and identifier; `all=yes` (superadmins only) lists every live organisation with role `super_admin`.',
      scopes: ['ryd', 'ryd:reporting_org'],
      request: { query: reportingOrgsQuerySchema },
      responses: {
        200: json(orgRelationListSchema, 'A page of organisations'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const query = c.req.valid('query');
      const page = toPage(query);

      let result;
      if (query.all === 'yes') {
        if (!(await isSuperadmin(db, principal.uid))) throw forbidden();
        result = await listAllOrgs(db, { page, q: query.q });
      } else {
        result = await listMemberOrgs(db, {
          uid: principal.uid,
          page,
          q: query.q,
        });
      }

      return c.json(
        {
          ...successBody(result.items),
          pagination: buildPagination(c, deps.publicUrl, page, result.total),
        },
        200,
      );
    },
  );

  // E3
  api.openapi(
    rydRoute(deps, {
      method: 'post',
      path: '/reporting-orgs',
      summary: 'Create a reporting organisation (E3)',
      description:
        'Honours an `Idempotency-Key` header: a retry with the same key returns the first result.',
      scopes: ['ryd', 'ryd:reporting_org', 'ryd:reporting_org:create'],
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: reportingOrgCreateSchema } },
        },
      },
      responses: {
        201: json(orgRelationResponseSchema, 'The new organisation'),
        409: errorResponse('Short name in use'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const body = c.req.valid('json');

      const superadmin = await isSuperadmin(db, principal.uid);
      if (!superadmin && (await isToolAdminUser(db, principal.uid))) {
        throw new RydError(
          'bad_request',
          'Tool admin users cannot hold organisation roles, so they cannot create organisations. Use a personal account.',
        );
      }

      const result = await withIdempotency(
        c,
        db,
        'POST /reporting-orgs',
        body,
        async (tx) => {
          const creator = await ensureUser(tx, principal);
          const [taken] = await tx
            .select({ id: reportingOrgs.id })
            .from(reportingOrgs)
            .where(and(eq(reportingOrgs.shortName, body.short_name), liveOrg));
          if (taken) throw shortNameTaken(body.short_name);
          let org: ReportingOrgRow | undefined;
          try {
            [org] = await tx
              .insert(reportingOrgs)
              .values({
                ...toOrgColumns(body),
                shortName: body.short_name,
                humanReadableName: body.human_readable_name,
                organisationIdentifier: body.organisation_identifier ?? '',
              })
              .returning();
          } catch (error) {
            if (isUniqueViolation(error)) throw shortNameTaken(body.short_name);
            throw error;
          }
          if (!org) throw new Error('insert returned no row');
          if (!superadmin) {
            await tx
              .insert(memberships)
              .values({ orgId: org.id, userId: principal.uid, role: 'admin' });
          }
          await writeAudit(
            tx,
            { principal, requestId: c.get('requestId') },
            {
              action: 'reporting_org.create',
              entityType: 'reporting_org',
              entityId: org.id,
              orgId: org.id,
              after: toOrgMetadata(org),
            },
          );
          await queueMessages(tx, [
            newOrgMessage(deps, org, { uid: principal.uid, ...creator }),
          ]);

          return {
            status: 201,
            body: successBody(
              toRelation(org, superadmin ? 'super_admin' : 'admin', 0),
            ),
            etag: formatEtag(org.version),
          };
        },
      );

      if (result.etag) c.header('ETag', result.etag);

      return c.json(
        result.body as z.infer<typeof orgRelationResponseSchema>,
        201,
      );
    },
  );

  // E4
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/reporting-orgs/{oid}',
      summary: 'Get a reporting organisation (E4)',
      scopes: ['ryd', 'ryd:reporting_org'],
      request: {
        params: oidParams,
        query: z.object({ include_actions: z.string().max(10).optional() }),
      },
      responses: { 200: json(orgRelationResponseSchema, 'The organisation') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'read-org');

      const org = await findLiveOrg(db, oid);
      if (!org) throw orgNotFound(oid);
      const count = await countDatasets(db, oid);
      c.header('ETag', formatEtag(org.version));

      return c.json(successBody(toRelation(org, access.role, count)), 200);
    },
  );

  // E5
  api.openapi(
    rydRoute(deps, {
      method: 'patch',
      path: '/reporting-orgs/{oid}',
      summary: 'Update a reporting organisation (E5)',
      description:
        'Partial update: only the fields sent change; null or "" clears an optional field. Unknown or read-only fields (short_name, organisation_identifier, registry_approved, ...) are refused with 400. Honours If-Match (412 when stale).',
      scopes: ['ryd', 'ryd:reporting_org', 'ryd:reporting_org:update'],
      request: {
        params: oidParams,
        query: z.object({ include_actions: z.string().max(10).optional() }),
        body: {
          required: true,
          content: { 'application/json': { schema: reportingOrgUpdateSchema } },
        },
      },
      responses: {
        200: json(orgRelationResponseSchema, 'The updated organisation'),
        412: errorResponse('If-Match did not match'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');
      const body = c.req.valid('json');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'update-org');
      // Read after the permission check, so that a caller without access
      // gets the same 403 whatever If-Match holds.
      const expected = readIfMatch(c);

      const updated = await db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(reportingOrgs)
          .where(and(eq(reportingOrgs.id, oid), liveOrg))
          .for('update');
        if (!current) throw orgNotFound(oid);
        assertVersionMatches(expected, current.version);
        const changes = changedFields(
          current as unknown as Record<string, unknown>,
          toOrgColumns(body),
        );
        if (Object.keys(changes.after).length === 0) return current;
        const [row] = await tx
          .update(reportingOrgs)
          .set({
            ...changes.after,
            version: sql`${reportingOrgs.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(reportingOrgs.id, oid),
              eq(reportingOrgs.version, current.version),
            ),
          )
          .returning();
        if (!row) {
          throw new RydError(
            'precondition_failed',
            'This organisation was changed by someone else. Reload it and try again.',
          );
        }
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action: 'reporting_org.update',
            entityType: 'reporting_org',
            entityId: oid,
            orgId: oid,
            before: changes.before,
            after: changes.after,
          },
        );

        return row;
      });
      const count = await countDatasets(db, oid);
      c.header('ETag', formatEtag(updated.version));

      return c.json(successBody(toRelation(updated, access.role, count)), 200);
    },
  );

  // E6
  api.openapi(
    rydRoute(deps, {
      method: 'delete',
      path: '/reporting-orgs/{oid}',
      summary: 'Delete a reporting organisation (E6)',
      description:
        'Soft-deletes the organisation, removes every role in it and deletes its datasets; tool authorisations are kept. Honours If-Match.',
      scopes: ['ryd', 'ryd:reporting_org:delete'],
      request: { params: oidParams },
      responses: {
        200: json(emptySuccessSchema, 'Deleted'),
        412: errorResponse('If-Match did not match'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'delete-org');
      // Read after the permission check, so that a caller without access
      // gets the same 403 whatever If-Match holds.
      const expected = readIfMatch(c);

      await db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(reportingOrgs)
          .where(and(eq(reportingOrgs.id, oid), liveOrg))
          .for('update');
        if (!current) throw orgNotFound(oid);
        assertVersionMatches(expected, current.version);
        const [row] = await tx
          .update(reportingOrgs)
          .set({
            deletedAt: sql`now()`,
            discoverable: false,
            registryApproved: false,
            version: sql`${reportingOrgs.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(reportingOrgs.id, oid),
              eq(reportingOrgs.version, current.version),
            ),
          )
          .returning({ id: reportingOrgs.id });
        if (!row)
          throw new RydError(
            'precondition_failed',
            'This organisation was changed by someone else. Reload it and try again.',
          );
        const removedRoles = await tx
          .delete(memberships)
          .where(eq(memberships.orgId, oid))
          .returning({ userId: memberships.userId, role: memberships.role });
        const removedDatasets = await tx
          .update(datasets)
          .set({ deletedAt: sql`now()`, version: sql`${datasets.version} + 1` })
          .where(and(eq(datasets.ownerOrgId, oid), isNull(datasets.deletedAt)))
          .returning({ id: datasets.id });
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action: 'reporting_org.delete',
            entityType: 'reporting_org',
            entityId: oid,
            orgId: oid,
            before: {
              metadata: toOrgMetadata(current),
              roles: removedRoles,
              dataset_count: removedDatasets.length,
            },
          },
        );
      });

      return c.json(successBody(null), 200);
    },
  );

  // E7
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/reporting-orgs/{oid}/users',
      summary: 'List the users of a reporting organisation (E7)',
      description:
        'Includes pending join requests. Provider admins are listed for superadmins only. Each member carries `version`, the ETag for If-Match on PUT/DELETE of the membership.',
      scopes: ['ryd', 'ryd:reporting_org:user'],
      request: { params: oidParams },
      responses: { 200: json(orgUserListSchema, 'Users and roles') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'read-org');

      if (access.isSuperadmin && !(await findLiveOrg(db, oid))) {
        throw orgNotFound(oid);
      }
      const members = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: memberships.role,
          version: memberships.version,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.orgId, oid));
      const list: OrgUser[] = members.map((member) => ({ ...member }));
      if (access.isSuperadmin) {
        const rows = await queryRows<{
          id: string;
          name: string;
          email: string;
        }>(
          db,
          sql`select distinct u.id, u.name, u.email
            from tool_authorisations z
            join tool_admin_users a on a.tool_id = z.tool_id
            join users u on u.id = a.user_id
            where z.org_id = ${oid}`,
        );
        for (const row of rows) {
          list.push({
            id: row.id,
            name: row.name,
            email: row.email,
            role: 'provider_admin',
          });
        }
      }
      list.sort(
        (a, b) =>
          a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
          a.id.localeCompare(b.id),
      );

      return c.json(successBody(list), 200);
    },
  );

  // E8
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/reporting-orgs/{oid}/datasets',
      summary: 'List the datasets of a reporting organisation (E8)',
      description:
        'Extensions: `q` (title or short name), `file_type`, `visibility`, `sort` (name, -name, updated, -updated; default name).',
      scopes: ['ryd', 'ryd:dataset'],
      request: { params: oidParams, query: orgDatasetsQuerySchema },
      responses: { 200: json(datasetListSchema, 'A page of datasets') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');
      const query = c.req.valid('query');
      const page = toPage(query);

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'read-dataset');

      if (!(await findLiveOrg(db, oid))) throw orgNotFound(oid);
      const pattern = query.q ? likePattern(query.q) : undefined;
      const where = and(
        eq(datasets.ownerOrgId, oid),
        isNull(datasets.deletedAt),
        pattern
          ? or(
              sql`lower(${datasets.title}) like ${pattern}`,
              sql`${datasets.shortName} like ${pattern}`,
            )
          : undefined,
        query.file_type ? eq(datasets.fileType, query.file_type) : undefined,
        query.visibility
          ? eq(datasets.visibility, query.visibility)
          : undefined,
      );
      const sort = query.sort ?? 'name';
      const order =
        sort === 'updated'
          ? [asc(datasets.updatedAt), asc(datasets.id)]
          : sort === '-updated'
            ? [desc(datasets.updatedAt), desc(datasets.id)]
            : sort === '-name'
              ? [sql`lower(${datasets.title}) desc`, desc(datasets.id)]
              : [sql`lower(${datasets.title})`, asc(datasets.id)];
      const rows = await db
        .select({ dataset: datasets })
        .from(datasets)
        .where(where)
        .orderBy(...order)
        .limit(page.pageSize)
        .offset(page.offset);
      const total = await totalFor(rows, page, async () => {
        const [row] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(datasets)
          .where(where);

        return row?.n ?? 0;
      });
      const actionsById = new Map<
        string,
        (typeof datasetActions.$inferSelect)[]
      >();
      if (query.include_actions === 'yes' && rows.length > 0) {
        const ids = rows.map((row) => row.dataset.id);
        const actions = await db
          .select()
          .from(datasetActions)
          .where(sql`${datasetActions.datasetId} in ${ids}`)
          .orderBy(asc(datasetActions.createdAt), asc(datasetActions.id));
        for (const action of actions) {
          const list = actionsById.get(action.datasetId) ?? [];
          list.push(action);
          actionsById.set(action.datasetId, list);
        }
      }

      return c.json(
        {
          ...successBody(
            rows.map((row) =>
              toDatasetRead(row.dataset, actionsById.get(row.dataset.id) ?? []),
            ),
          ),
          pagination: buildPagination(c, deps.publicUrl, page, total),
        },
        200,
      );
    },
  );

  // Extension: the organisation's audit trail.
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/reporting-orgs/{oid}/audit',
      summary: 'Audit trail of a reporting organisation (extension)',
      description:
        'Newest first. Admins of the organisation and superadmins (permission set-org-user-authz).',
      scopes: ['ryd', 'ryd:reporting_org'],
      request: { params: oidParams, query: pageQuerySchema },
      responses: { 200: json(auditListSchema, 'A page of audit entries') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { oid } = c.req.valid('param');
      const page = toPage(c.req.valid('query'));

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'set-org-user-authz');

      if (access.isSuperadmin && !(await findLiveOrg(db, oid))) {
        throw orgNotFound(oid);
      }
      const rows = await db
        .select({
          entry: auditLog,
          actorName: users.name,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUid))
        .where(eq(auditLog.orgId, oid))
        .orderBy(desc(auditLog.id))
        .limit(page.pageSize)
        .offset(page.offset);
      const total = await totalFor(rows, page, async () => {
        const [row] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(auditLog)
          .where(eq(auditLog.orgId, oid));

        return row?.n ?? 0;
      });

      return c.json(
        {
          ...successBody(
            rows.map(({ entry, actorName }) => ({
              id: String(entry.id),
              created_date: formatDate(entry.createdAt),
              action: entry.action,
              entity_type: entry.entityType,
              entity_id: entry.entityId,
              actor_uid: entry.actorUid,
              actor_name: actorName,
              client_id: entry.clientId,
              request_id: entry.requestId,
              before: entry.before,
              after: entry.after,
            })),
          ),
          pagination: buildPagination(c, deps.publicUrl, page, total),
        },
        200,
      );
    },
  );
}

function shortNameTaken(shortName: string): RydError {
  return new RydError(
    'conflict',
    `Request to create reporting org failed because the specified short name '${shortName}' is already in use.`,
  );
}
