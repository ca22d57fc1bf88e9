import { listPermissions } from '@/lib/ryd/permissions';
import type { OrgRole, Permission } from '@/lib/ryd/permissions';

/** What each permission lets a person do, as the end of a sentence. */
const PERMISSION_TEXT: Record<Permission, string> = {
  'read-org': 'see the organisation and its members',
  'update-org': 'edit the organisation’s details',
  'delete-org': 'delete the organisation with all its datasets',
  'set-org-user-authz':
    'approve join requests, change roles and remove members',
  'set-org-tool-authz': 'authorise tools and withdraw their authorisation',
  'read-dataset': 'see its datasets, public and private',
  'create-dataset': 'add datasets',
  'update-dataset': 'edit datasets',
  'update-dataset-visibility': 'make datasets public or private',
  'delete-dataset': 'delete datasets',
};

/** The permission matrix row of a role, in words. */
export function describeRole(role: OrgRole): string[] {
  return listPermissions(role).map((permission) => PERMISSION_TEXT[permission]);
}
