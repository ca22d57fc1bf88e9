import 'server-only';
import { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import type { AssignableRole } from '@/lib/ryd/permissions';
import { orgUserSchema } from '@/lib/ryd/schemas';
import type { OrgUser } from '@/lib/ryd/schemas';
import type { MembershipRefusal } from '@/lib/query/payloads';
import { rydFetch } from './fetch';

function membershipPath(uid: string, oid: string) {
  return `/users/${encodeURIComponent(uid)}/reporting-org/${encodeURIComponent(oid)}`;
}

/**
 * The users of an organisation with their roles, pending join requests
 * included (E7). RYD lists provider admins to superadmins only.
 */
export async function listOrgUsers(
  session: AppSession,
  oid: string,
): Promise<OrgUser[]> {
  const { data } = await rydFetch(
    session,
    { path: `/reporting-orgs/${encodeURIComponent(oid)}/users` },
    z.array(orgUserSchema),
  );

  return data;
}

/** Changes a member's role, or approves a join request with a role (E14). */
export async function setOrgUserRole(
  session: AppSession,
  {
    oid,
    uid,
    role,
    etag,
  }: { oid: string; uid: string; role: AssignableRole; etag: string | null },
) {
  const { etag: next } = await rydFetch(
    session,
    {
      path: membershipPath(uid, oid),
      method: 'PUT',
      body: { role },
      ifMatch: etag,
    },
    z.null(),
  );

  return { etag: next };
}

/** Removes a member, or rejects a join request (E15). */
export async function removeOrgUser(
  session: AppSession,
  { oid, uid, etag }: { oid: string; uid: string; etag: string | null },
) {
  await rydFetch(
    session,
    { path: membershipPath(uid, oid), method: 'DELETE', ifMatch: etag },
    z.null(),
  );
}

/**
 * Names the rule behind a 400 from E14/E15 by reading the member list again,
 * since RYD's messages are not passed on: the last admin, the last member,
 * a person without a role any more, or a tool admin user.
 */
export async function explainMembershipRefusal(
  session: AppSession,
  { oid, uid, removing }: { oid: string; uid: string; removing: boolean },
): Promise<MembershipRefusal | undefined> {
  const users = await listOrgUsers(session, oid).catch(() => null);
  if (!users) return undefined;
  const members = users.filter((user) => user.role !== 'provider_admin');
  const target = users.find((user) => user.id === uid);
  if (!target) return 'no_role';
  if (target.role === 'provider_admin') return 'tool_admin';
  const admins = members.filter((user) => user.role === 'admin');
  if (target.role === 'admin' && admins.length <= 1) return 'last_admin';
  if (removing && members.length <= 1) return 'last_member';

  return undefined;
}
