import 'server-only';
import { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import { discoverableOrgSchema } from '@/lib/ryd/schemas';
import type { JoinRefusal } from '@/lib/query/payloads';
import { rydFetch } from './fetch';
import { getMyRoles, listRoleEntries } from './users';

export const DISCOVERABLE_PAGE_SIZE = 20;

/**
 * Organisations a person may ask to join (E1). RYD searches only with 2 to
 * 40 characters, so callers pass a term that is already checked.
 */
export async function listDiscoverableOrgs(
  session: AppSession,
  { q, page = 1 }: { q: string; page?: number },
) {
  const { data, pagination } = await rydFetch(
    session,
    {
      path: '/discoverable-reporting-orgs',
      query: { q, page, page_size: DISCOVERABLE_PAGE_SIZE },
    },
    z.array(discoverableOrgSchema),
  );

  return { items: data, pagination };
}

/**
 * Asks to join an organisation as the signed-in person (E12). RYD records
 * the request as `contributor_pending` and queues a message to its admins.
 */
export async function createJoinRequest(session: AppSession, oid: string) {
  await rydFetch(
    session,
    {
      path: `/users/${encodeURIComponent(session.user.uid)}/reporting-org`,
      method: 'POST',
      body: { oid },
    },
    z.null(),
  );
}

/**
 * Names the rule behind a 400 from E12 from the person's roles, since RYD's
 * messages are not passed on.
 */
export async function explainJoinRefusal(
  session: AppSession,
  oid: string,
): Promise<JoinRefusal> {
  const roles = await getMyRoles(session).catch(() => null);
  if (roles?.superadmin) return 'superadmin';
  if (roles && roles.tools.length > 0) return 'tool_admin';
  if (roles && listRoleEntries(roles).some((entry) => entry.oid === oid)) {
    return 'already_member';
  }

  return 'no_org';
}
