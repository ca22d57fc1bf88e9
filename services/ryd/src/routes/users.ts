/**
 * Users and memberships: E12-E17. Membership changes lock the org's
 * membership rows (SELECT ... FOR UPDATE) so that the "at least one admin"
 * invariant holds under concurrent requests (SR-27).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';

import {
  GENERIC_FORBIDDEN_MESSAGE,
  RydError,
  successBody,
} from '@/lib/ryd/errors';
import { listPermissions, type OrgRole } from '@/lib/ryd/permissions';
import {
  emptySuccessSchema,
  joinRequestSchema,
  orgRelationListSchema,
  pageQuerySchema,
  permissionListSchema,
  setRoleSchema,
  userRolesResponseSchema,
  uuidSchema,
} from '@/lib/ryd/schemas';

import type { Principal } from '../auth/verify-token';
import type { AppDeps, AppEnv } from '../context';
import type { RydExecutor, RydTx } from '../db/client';
import { memberships, users, type MembershipRole } from '../db/schema';
import {
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
  formatEtag,
  readIfMatch,
  toPage,
} from '../lib/http';
import { errorResponse, rydRoute } from '../lib/route';
import { isUniqueViolation, queryRows } from '../lib/rows';
import { ensureUser } from '../lib/users';
import { findLiveOrg, listMemberOrgs } from './reporting-orgs';

const uidParams = z.object({ uid: uuidSchema });
const uidOidParams = z.object({ uid: uuidSchema, oid: uuidSchema });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

async function findUser(db: RydExecutor, uid: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, uid));

  return user;
}

function otherUserForbidden(): RydError {
  return new RydError(
    'forbidden',
    'You can only see your own roles unless you are a superadmin.',
  );
}

type LockedMembership = {
  id: string;
  userId: string;
  role: MembershipRole;
  version: number;
};

/** Locks every membership row of the org for the rest of the transaction. */
async function lockMemberships(
  tx: RydTx,
  oid: string,
): Promise<LockedMembership[]> {
  return tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      version: memberships.version,
    })
    .from(memberships)
    .where(eq(memberships.orgId, oid))
    .for('update');
}

/**
 * Re-checks, under the lock, that the acting user still administers the org:
 * a concurrent request may have just removed or demoted them.
 */
function assertStillAdmin(
  locked: LockedMembership[],
  principal: Principal,
  actorIsSuperadmin: boolean,
): void {
  if (actorIsSuperadmin) return;
  const own = locked.find((row) => row.userId === principal.uid);
  if (own?.role !== 'admin') {
    throw new RydError('forbidden', GENERIC_FORBIDDEN_MESSAGE);
  }
}

function lastAdminError(uid: string, oid: string, verb: string): RydError {
  return new RydError(
    'bad_request',
    `User id: ${uid} is the last admin user associated with organisation id: ${oid} so cannot be ${verb}. Make another member an admin first.`,
  );
}

/**
 * Shared refusals of E14/E15 (all 400, as the official server): unknown user
 * or org, superadmins and tool admin users, who never hold org roles.
 */
async function checkMembershipTarget(
  db: RydExecutor,
  uid: string,
  oid: string,
): Promise<void> {
  if (!(await findUser(db, uid))) {
    throw new RydError(
      'bad_request',
      `There is no user with ID ${uid} in the Registry.`,
    );
  }
  if (!(await findLiveOrg(db, oid))) {
    throw new RydError(
      'bad_request',
      `There is no organisation with ID ${oid} in the Registry.`,
    );
  }
  if (await isSuperadmin(db, uid)) {
    throw new RydError(
      'bad_request',
      `User id: ${uid} is a superadmin and cannot be given a role in organisation with ID ${oid}.`,
    );
  }
  if (await isToolAdminUser(db, uid)) {
    throw new RydError(
      'bad_request',
      `User id: ${uid} is a tool admin user and cannot hold a role in organisation with ID ${oid}.`,
    );
  }
}

export function registerUserRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;

  // E12
  api.openapi(
    rydRoute(deps, {
      method: 'post',
      path: '/users/{uid}/reporting-org',
      summary: 'Request to join a reporting organisation (E12)',
      scopes: ['ryd', 'ryd:reporting_org:user'],
      request: {
        params: uidParams,
        body: {
          required: true,
          content: { 'application/json': { schema: joinRequestSchema } },
        },
      },
      responses: { 200: json(emptySuccessSchema, 'Request recorded') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { uid } = c.req.valid('param');
      const { oid } = c.req.valid('json');

      if (uid !== principal.uid) {
        throw new RydError(
          'bad_request',
          'You cannot request a different user to join a reporting organisation.',
        );
      }
      if (await isSuperadmin(db, uid)) {
        throw new RydError(
          'bad_request',
          'Superadmins cannot join organisations.',
        );
      }
      if (await isToolAdminUser(db, uid)) {
        throw new RydError(
          'bad_request',
          `User id: ${uid} is a tool admin user and cannot be given a role in organisation with ID ${oid}.`,
        );
      }
      const org = await findLiveOrg(db, oid);
      if (!org) {
        throw new RydError(
          'bad_request',
          `There is no organisation with ID ${oid} in the Registry.`,
        );
      }

      const alreadyAssociated = new RydError(
        'bad_request',
        `You are already associated with that reporting org id: ${oid}.`,
      );
      try {
        await db.transaction(async (tx) => {
          const requester = await ensureUser(tx, principal);
          const [row] = await tx
            .insert(memberships)
            .values({ orgId: oid, userId: uid, role: 'contributor_pending' })
            .onConflictDoNothing()
            .returning();
          if (!row) throw alreadyAssociated;
          const admins = await queryRows<{ name: string; email: string }>(
            tx,
            sql`select u.name, u.email from memberships m
              join users u on u.id = m.user_id
              where m.org_id = ${oid} and m.role = 'admin' and u.email <> ''`,
          );
          await queueMessages(
            tx,
            admins.map((admin) => ({
              kind: 'join_request' as const,
              recipientEmail: admin.email,
              recipientName: admin.name,
              subject: 'Approve a new user for your organisation',
              body: [
                `Dear ${admin.name || 'administrator'},`,
                '',
                `${requester.name || 'A user'} <${requester.email || 'no e-mail'}> asked to join ${org.humanReadableName} (${org.shortName}).`,
                'Open the members page of the organisation in IATI Account to give them a role (admin, editor or contributor) or to remove the request.',
              ].join('\n'),
              payload: { oid, requesterUid: uid },
            })),
          );
          await writeAudit(
            tx,
            { principal, requestId: c.get('requestId') },
            {
              action: 'membership.request',
              entityType: 'membership',
              entityId: row.id,
              orgId: oid,
              after: { user_id: uid, role: 'contributor_pending' },
            },
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyAssociated;
        throw error;
      }

      return c.json(successBody(null), 200);
    },
  );

  // E13
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/users/{uid}/reporting-orgs',
      summary: "List a user's reporting organisations (E13)",
      scopes: ['ryd', 'ryd:reporting_org'],
      request: { params: uidParams, query: pageQuerySchema },
      responses: {
        200: json(orgRelationListSchema, 'A page of organisations'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { uid } = c.req.valid('param');
      const page = toPage(c.req.valid('query'));

      if (uid !== principal.uid) {
        if (!(await isSuperadmin(db, principal.uid)))
          throw otherUserForbidden();
        if (!(await findUser(db, uid))) {
          throw new RydError('not_found', `There is no user with ID ${uid}.`);
        }
      }
      const result = await listMemberOrgs(db, { uid, page, q: undefined });

      return c.json(
        {
          ...successBody(result.items),
          pagination: buildPagination(c, deps.publicUrl, page, result.total),
        },
        200,
      );
    },
  );

  // E14
  api.openapi(
    rydRoute(deps, {
      method: 'put',
      path: '/users/{uid}/reporting-org/{oid}',
      summary: "Set a user's role in a reporting organisation (E14)",
      description:
        'Also approves join requests. The last admin cannot be demoted (400). Honours If-Match with the membership `version` from E7.',
      scopes: ['ryd', 'ryd:reporting_org:user:update'],
      request: {
        params: uidOidParams,
        body: {
          required: true,
          content: { 'application/json': { schema: setRoleSchema } },
        },
      },
      responses: {
        200: json(emptySuccessSchema, 'Role set'),
        412: errorResponse('If-Match did not match'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { uid, oid } = c.req.valid('param');
      const { role } = c.req.valid('json');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'set-org-user-authz');
      // Read after the permission check, so that a caller without access
      // gets the same 403 whatever If-Match holds.
      const expected = readIfMatch(c);

      await checkMembershipTarget(db, uid, oid);
      const version = await db.transaction(async (tx) => {
        const locked = await lockMemberships(tx, oid);
        assertStillAdmin(locked, principal, access.isSuperadmin);
        const current = locked.find((row) => row.userId === uid);
        if (!current) {
          if (expected) {
            throw new RydError(
              'precondition_failed',
              'This user has no role in the organisation any more. Reload the member list.',
            );
          }
          const [row] = await tx
            .insert(memberships)
            .values({ orgId: oid, userId: uid, role })
            .returning();
          await writeAudit(
            tx,
            { principal, requestId: c.get('requestId') },
            {
              action: 'membership.create',
              entityType: 'membership',
              entityId: row?.id ?? null,
              orgId: oid,
              after: { user_id: uid, role },
            },
          );

          return row?.version ?? 1;
        }
        assertVersionMatches(expected, current.version);
        if (current.role === role) return current.version;
        const admins = locked.filter((row) => row.role === 'admin');
        if (current.role === 'admin' && admins.length === 1) {
          throw lastAdminError(uid, oid, 'given another role');
        }
        const [row] = await tx
          .update(memberships)
          .set({
            role,
            version: sql`${memberships.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(memberships.id, current.id),
              eq(memberships.version, current.version),
            ),
          )
          .returning({ version: memberships.version });
        if (!row) {
          throw new RydError(
            'precondition_failed',
            'This membership was changed by someone else. Reload the member list.',
          );
        }
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action:
              current.role === 'contributor_pending'
                ? 'membership.approve'
                : 'membership.role_change',
            entityType: 'membership',
            entityId: current.id,
            orgId: oid,
            before: { user_id: uid, role: current.role },
            after: { user_id: uid, role },
          },
        );

        return row.version;
      });
      c.header('ETag', formatEtag(version));

      return c.json(successBody(null), 200);
    },
  );

  // E15
  api.openapi(
    rydRoute(deps, {
      method: 'delete',
      path: '/users/{uid}/reporting-org/{oid}',
      summary: 'Remove a user from a reporting organisation (E15)',
      description:
        'Removes a member or rejects a join request. The last user and the last admin cannot be removed (400). Honours If-Match.',
      scopes: ['ryd', 'ryd:reporting_org:user:update'],
      request: { params: uidOidParams },
      responses: {
        200: json(emptySuccessSchema, 'Removed'),
        412: errorResponse('If-Match did not match'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { uid, oid } = c.req.valid('param');

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'set-org-user-authz');
      // Read after the permission check, so that a caller without access
      // gets the same 403 whatever If-Match holds.
      const expected = readIfMatch(c);

      await checkMembershipTarget(db, uid, oid);
      await db.transaction(async (tx) => {
        const locked = await lockMemberships(tx, oid);
        assertStillAdmin(locked, principal, access.isSuperadmin);
        const current = locked.find((row) => row.userId === uid);
        if (!current) {
          throw new RydError(
            'bad_request',
            `User id: ${uid} has no role in organisation with id: ${oid} in the Registry.`,
          );
        }
        assertVersionMatches(expected, current.version);
        if (locked.length === 1) {
          throw new RydError(
            'bad_request',
            `User id: ${uid} is the last user associated with organisation id: ${oid} so cannot be removed from the organisation.`,
          );
        }
        const admins = locked.filter((row) => row.role === 'admin');
        if (current.role === 'admin' && admins.length === 1) {
          throw lastAdminError(uid, oid, 'removed from the organisation');
        }
        const [row] = await tx
          .delete(memberships)
          .where(
            and(
              eq(memberships.id, current.id),
              eq(memberships.version, current.version),
            ),
          )
          .returning({ id: memberships.id });
        if (!row) {
          throw new RydError(
            'precondition_failed',
            'This membership was changed by someone else. Reload the member list.',
          );
        }
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action:
              current.role === 'contributor_pending'
                ? 'membership.reject'
                : 'membership.remove',
            entityType: 'membership',
            entityId: current.id,
            orgId: oid,
            before: { user_id: uid, role: current.role },
          },
        );
      });

      return c.json(successBody(null), 200);
    },
  );

  // E16
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/users/{uid}/roles',
      summary: "A user's roles (E16)",
      description:
        'Describes the user named in the path (the official server always describes the caller). `reporting_orgs` is an object keyed by org id.',
      scopes: ['ryd'],
      request: { params: uidParams },
      responses: { 200: json(userRolesResponseSchema, 'Roles') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { uid } = c.req.valid('param');

      if (uid !== principal.uid) {
        if (!(await isSuperadmin(db, principal.uid)))
          throw otherUserForbidden();
        if (!(await findUser(db, uid))) {
          throw new RydError('not_found', `There is no user with ID ${uid}.`);
        }
      }
      const rows = await queryRows<{
        kind: 'superadmin' | 'tool' | 'member' | 'provider';
        id: string | null;
        role: string | null;
      }>(
        db,
        sql`select 'superadmin' as kind, null::text as id, null::text as role
            from superadmins where user_id = ${uid}
          union all
          select 'tool', tool_id::text, null from tool_admin_users where user_id = ${uid}
          union all
          select 'member', m.org_id::text, m.role from memberships m
            join reporting_orgs o on o.id = m.org_id and o.deleted_at is null
            where m.user_id = ${uid}
          union all
          select distinct 'provider', z.org_id::text, 'provider_admin'
            from tool_admin_users a
            join tool_authorisations z on z.tool_id = a.tool_id
            join reporting_orgs o on o.id = z.org_id and o.deleted_at is null
            where a.user_id = ${uid}`,
      );
      const reportingOrgs: Record<string, OrgRole> = {};
      const tools: string[] = [];
      let superadmin = false;
      for (const row of rows) {
        if (row.kind === 'superadmin') superadmin = true;
        else if (row.kind === 'tool' && row.id) tools.push(row.id);
        else if (row.kind === 'member' && row.id) {
          reportingOrgs[row.id] = row.role as OrgRole;
        } else if (
          row.kind === 'provider' &&
          row.id &&
          !reportingOrgs[row.id]
        ) {
          reportingOrgs[row.id] = 'provider_admin';
        }
      }

      return c.json(
        successBody({ superadmin, tools, reporting_orgs: reportingOrgs }),
        200,
      );
    },
  );

  // E17
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/users/{uid}/roles/reporting-org-permissions/{oid}',
      summary: "A user's permissions on a reporting organisation (E17)",
      description:
        'Provider-admin permissions count only through the calling client, as for every other check.',
      scopes: ['ryd'],
      request: { params: uidOidParams },
      responses: { 200: json(permissionListSchema, 'Permission names') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { uid, oid } = c.req.valid('param');

      const callerIsSuperadmin = await isSuperadmin(db, principal.uid);
      if (uid !== principal.uid && !callerIsSuperadmin) {
        throw otherUserForbidden();
      }
      if (callerIsSuperadmin && !(await findLiveOrg(db, oid))) {
        throw orgNotFound(oid);
      }
      const access = await getOrgAccess(db, { ...principal, uid }, oid);

      return c.json(successBody(listPermissions(access.role)), 200);
    },
  );
}
