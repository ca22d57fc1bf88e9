import 'server-only';
import { cache } from 'react';
import type { AppSession } from '@/lib/server/auth';
import { z } from 'zod';
import type { OrgRole } from '@/lib/ryd/permissions';
import { orgRelationSchema, userRolesSchema } from '@/lib/ryd/schemas';
import type { OrgRelation, UserRoles } from '@/lib/ryd/schemas';
import { rydFetch } from './fetch';
import { getReportingOrg } from './reporting-orgs';
import { listTools } from './tools';

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

export type RoleEntry = { oid: string; role: OrgRole };

/** E16 names orgs as an object map (official server) or an array (spec). */
export function listRoleEntries(roles: UserRoles): RoleEntry[] {
  const orgs = roles.reporting_orgs;
  if (Array.isArray(orgs)) {
    return orgs.map((entry) => ({ oid: entry.id, role: entry.role }));
  }

  return Object.entries(orgs).map(([oid, role]) => ({ oid, role }));
}

const ALL_PAGE_SIZE = 500;
const MAX_PAGES = 20;

/**
 * Every organisation the person holds a regular role in (E2, all pages), to
 * name the organisations of the roles overview.
 */
export async function listAllMyOrgs(session: AppSession) {
  const orgs: OrgRelation[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data, pagination } = await rydFetch(
      session,
      {
        path: '/reporting-orgs',
        query: { page, page_size: ALL_PAGE_SIZE },
      },
      z.array(orgRelationSchema),
    );
    orgs.push(...data);
    if (!pagination || page >= pagination.total_pages) break;
  }

  return orgs;
}

export type NamedRole = RoleEntry & {
  name: string | null;
  identifier: string | null;
};

export type RoleOverview = {
  superadmin: boolean;
  /** Tools the person is an admin user of, named where RYD knows them. */
  tools: { tid: string; name: string | null; provider: string | null }[];
  roles: NamedRole[];
};

/**
 * The person's roles (E16) with names. Regular roles are named from E2;
 * provider-admin organisations only answer through the tool's own client
 * (contract §4.3), so through any other client they stay unnamed.
 */
export async function getRoleOverview(
  session: AppSession,
): Promise<RoleOverview> {
  const roles = await getMyRoles(session);
  const entries = listRoleEntries(roles);
  const regular = entries.filter((entry) => entry.role !== 'provider_admin');
  const provider = entries.filter((entry) => entry.role === 'provider_admin');

  const [memberOrgs, allTools, providerOrgs] = await Promise.all([
    regular.length > 0 ? listAllMyOrgs(session) : Promise.resolve([]),
    roles.tools.length > 0 ? listTools(session) : Promise.resolve([]),
    session.client === 'tool'
      ? Promise.all(
          provider.map((entry) =>
            getReportingOrg(session, entry.oid).then(
              ({ org }) => org,
              () => null,
            ),
          ),
        )
      : Promise.resolve([]),
  ]);
  const names = new Map<string, OrgRelation['metadata']>();
  for (const org of [...memberOrgs, ...providerOrgs]) {
    if (org) names.set(org.id, org.metadata);
  }
  const toolsById = new Map(allTools.map((tool) => [tool.id, tool]));

  return {
    superadmin: roles.superadmin,
    tools: roles.tools.map((tid) => ({
      tid,
      name: toolsById.get(tid)?.name ?? null,
      provider: toolsById.get(tid)?.provider ?? null,
    })),
    roles: entries
      .map((entry) => {
        const metadata = names.get(entry.oid);

        return {
          ...entry,
          name: metadata?.human_readable_name ?? null,
          identifier: metadata?.organisation_identifier ?? null,
        };
      })
      .sort((a, b) =>
        (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'en'),
      ),
  };
}
