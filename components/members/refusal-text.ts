import { BffError } from '@/lib/query/bff-client';
import type { Failure } from '@/lib/query/failures';
import { FAILURE_MESSAGES } from '@/lib/query/failures';

/**
 * A sentence for a failed member change: the rule the registry applied when
 * the route handler named it, else the general sentence for the failure.
 */
export function describeMemberFailure(error: unknown, name: string): string {
  const failure: Failure =
    error instanceof BffError ? error.failure : 'unavailable';
  const reason = error instanceof BffError ? error.reason : undefined;

  switch (reason) {
    case 'last_admin':
      return `${name} is the only admin of this organisation, so they cannot be removed or given another role. Make another member an admin first.`;
    case 'last_member':
      return `${name} is the last member of this organisation, so they cannot be removed.`;
    case 'no_role':
      return `${name} no longer has a role in this organisation. The list below is up to date again.`;
    case 'tool_admin':
      return `${name} is an admin user of a tool. Tool staff cannot hold a role in an organisation.`;
    default:
      return FAILURE_MESSAGES[failure];
  }
}
