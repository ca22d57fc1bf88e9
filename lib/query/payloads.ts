/** Shapes the BFF route handlers answer with (inside `{ data, etag }`). */
import type {
  AuditEntry,
  DatasetRead,
  DiscoverableOrg,
  OrgRelation,
  OrgUser,
  Pagination,
  Tool,
} from '@/lib/ryd/schemas';

export type PagedPayload<T> = { items: T[]; pagination: Pagination | null };
export type OrgListPayload = PagedPayload<OrgRelation>;
export type DatasetListPayload = PagedPayload<DatasetRead>;
export type DiscoverableOrgListPayload = PagedPayload<DiscoverableOrg>;
export type OrgMembersPayload = { items: OrgUser[] };
export type OrgToolsPayload = { registered: Tool[]; authorised: Tool[] };
/**
 * Audit entries with the names the page can show instead of ids: people
 * from the member list and tools from the tool list, where still known.
 */
export type OrgAuditPayload = PagedPayload<AuditEntry> & {
  userNames: Record<string, string>;
  toolNames: Record<string, string>;
};

/** Rules behind a refused membership change, named by the route handler. */
export const MEMBERSHIP_REFUSALS = [
  'last_admin',
  'last_member',
  'no_role',
  'tool_admin',
] as const;
export type MembershipRefusal = (typeof MEMBERSHIP_REFUSALS)[number];

/** Rules behind a refused join request. */
export const JOIN_REFUSALS = [
  'already_member',
  'superadmin',
  'tool_admin',
  'no_org',
] as const;
export type JoinRefusal = (typeof JOIN_REFUSALS)[number];
