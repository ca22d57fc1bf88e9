import 'server-only';
import { cache } from 'react';
import type { AppSession } from '@/lib/server/auth';
import { userRolesSchema } from '@/lib/ryd/schemas';
import { rydFetch } from './fetch';

/**
 * The caller's roles (E16). RYD, not the identity service, decides who is a
 * superadmin; one call per server render.
 */
export const getMyRoles = cache(async (session: AppSession) => {
  const { data } = await rydFetch(
    session,
    { path: `/users/${encodeURIComponent(session.user.uid)}/roles` },
    userRolesSchema,
  );

  return data;
});

/**
 * For showing the superadmin view. A failed roles call hides it; RYD still
 * decides on every request.
 */
export async function isSuperadmin(session: AppSession): Promise<boolean> {
  try {
    return (await getMyRoles(session)).superadmin;
  } catch {
    return false;
  }
}
