/**
 * Role resolution for (user, org, client) per contract §4.2/§4.3, read from
 * the database on every request (SR-26), and permission checks with the one
 * matrix of lib/ryd/permissions.ts.
 */
import { sql } from 'drizzle-orm';

import { GENERIC_FORBIDDEN_MESSAGE, RydError } from '@/lib/ryd/errors';
import {
  hasPermission,
  type OrgRole,
  type Permission,
} from '@/lib/ryd/permissions';

import type { Principal } from '../auth/verify-token';
import type { RydExecutor } from '../db/client';
import type { MembershipRole } from '../db/schema';
import { queryRows } from './rows';

export type OrgAccess = {
  isSuperadmin: boolean;
  /** The caller's effective role on the org, or null (no access). */
  role: OrgRole | null;
};

/**
 * One round trip: superadmin flag, regular role, and provider admin through
 * the calling client (the tool's client_id must be the token's client_id, the
 * tool authorised for the org, the user one of its admin users).
 */
export async function getOrgAccess(
  db: RydExecutor,
  principal: Principal,
  oid: string,
): Promise<OrgAccess> {
  const [row] = await queryRows<{
    is_superadmin: boolean;
    role: MembershipRole | null;
    is_provider_admin: boolean;
  }>(
    db,
    sql`select
      exists(select 1 from superadmins where user_id = ${principal.uid}) as is_superadmin,
      (select role from memberships
        where org_id = ${oid} and user_id = ${principal.uid}) as role,
      exists(
        select 1 from tools t
        join tool_admin_users a on a.tool_id = t.id
        join tool_authorisations z on z.tool_id = t.id
        where t.client_id = ${principal.clientId}
          and a.user_id = ${principal.uid}
          and z.org_id = ${oid}
      ) as is_provider_admin`,
  );
  const isSuperadmin = row?.is_superadmin === true;
  let role: OrgRole | null = null;
  if (isSuperadmin) role = 'super_admin';
  else if (row?.role) role = row.role;
  else if (row?.is_provider_admin) role = 'provider_admin';

  return { isSuperadmin, role };
}

export async function isSuperadmin(
  db: RydExecutor,
  uid: string,
): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`select 1 as found from superadmins where user_id = ${uid}`,
  );

  return rows.length > 0;
}

export async function isToolAdminUser(
  db: RydExecutor,
  uid: string,
): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`select 1 as found from tool_admin_users where user_id = ${uid} limit 1`,
  );

  return rows.length > 0;
}

export function forbidden(): RydError {
  return new RydError('forbidden', GENERIC_FORBIDDEN_MESSAGE);
}

/**
 * Throws the generic 403 unless the role grants the permission. Called before
 * any existence check, so a caller without access cannot tell whether the
 * record exists.
 */
export function requirePermission(
  access: OrgAccess,
  permission: Permission,
): asserts access is OrgAccess & { role: OrgRole } {
  if (!hasPermission(access.role, permission)) throw forbidden();
}

export function orgNotFound(oid: string): RydError {
  return new RydError(
    'not_found',
    `There is no organisation with ID ${oid} in the Registry.`,
  );
}
