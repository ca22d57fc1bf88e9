import { getRoleLabel } from '@/components/orgs/role-label';
import { ORG_ROLES } from '@/lib/ryd/permissions';
import type { OrgRole } from '@/lib/ryd/permissions';
import type { AuditEntry } from '@/lib/ryd/schemas';

export type AuditNames = {
  userNames: Record<string, string>;
  toolNames: Record<string, string>;
};

function readText(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];

  return typeof field === 'string' ? field : undefined;
}

function roleLabel(value: string | undefined): string {
  return value && (ORG_ROLES as readonly string[]).includes(value)
    ? getRoleLabel(value as OrgRole).toLowerCase()
    : 'unknown role';
}

const FIELD_LABELS: Record<string, string> = {
  human_readable_name: 'name',
  short_name: 'short name',
  contact_email: 'contact e-mail',
  data_portal_url: 'data portal',
  default_licence_id: 'default licence',
  exclusions_policy_url: 'exclusions policy',
  hq_country: 'country',
  organisation_type: 'organisation type',
  reporting_source_type: 'source type',
  source_type: 'source type',
  licence_id: 'licence',
  file_type: 'file type',
  url: 'URL',
};

/** Names of the top-level fields whose values differ between two records. */
export function listChangedFields(before: unknown, after: unknown): string[] {
  if (typeof before !== 'object' || before === null) return [];
  if (typeof after !== 'object' || after === null) return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);

  return [...keys]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => FIELD_LABELS[key] ?? key.replaceAll('_', ' '));
}

/** One audit entry as a sentence a person can read. */
export function describeEntry(entry: AuditEntry, names: AuditNames): string {
  const { before, after } = entry;
  const userId = readText(after, 'user_id') ?? readText(before, 'user_id');
  const user = userId
    ? (names.userNames[userId] ?? 'a former member')
    : 'a user';
  const toolId =
    readText(after, 'id') ?? readText(before, 'tool_id') ?? entry.entity_id;
  const tool =
    readText(after, 'name') ??
    (toolId ? names.toolNames[toolId] : undefined) ??
    'a tool';
  const dataset =
    readText(after, 'human_readable_name') ??
    readText(before, 'human_readable_name') ??
    'a dataset';
  const changed = listChangedFields(before, after);
  const changedText = changed.length > 0 ? ` (${changed.join(', ')})` : '';

  switch (entry.action) {
    case 'reporting_org.create':
      return 'Created the organisation';
    case 'reporting_org.update':
      return `Edited the organisation’s details${changedText}`;
    case 'reporting_org.delete':
      return 'Deleted the organisation';
    case 'dataset.create':
      return `Added the dataset “${dataset}”`;
    case 'dataset.update':
      return `Edited the dataset “${dataset}”${changedText}`;
    case 'dataset.delete':
      return `Deleted the dataset “${dataset}”`;
    case 'membership.request':
      return `${user} asked to join`;
    case 'membership.approve':
      return `Approved ${user} as ${roleLabel(readText(after, 'role'))}`;
    case 'membership.create':
      return `Gave ${user} the role ${roleLabel(readText(after, 'role'))}`;
    case 'membership.role_change':
      return `Changed the role of ${user} from ${roleLabel(readText(before, 'role'))} to ${roleLabel(readText(after, 'role'))}`;
    case 'membership.remove':
      return `Removed ${user} (${roleLabel(readText(before, 'role'))})`;
    case 'membership.reject':
      return `Rejected the request from ${user}`;
    case 'tool_authorisation.grant':
      return `Authorised ${tool}`;
    case 'tool_authorisation.revoke':
      return `Withdrew the authorisation of ${tool}`;
    default:
      return entry.action;
  }
}
