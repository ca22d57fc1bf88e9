/**
 * The one permission matrix, shared by the RYD server (which enforces it) and
 * the web app (which hides what it forbids). It follows what IATI's production
 * RYD server enforces (contract §4.1, "as implemented"), plus
 * `set-org-tool-authz` for admin and editor from the developer guide's table.
 */

export const ORG_ROLES = [
  'admin',
  'editor',
  'contributor',
  'contributor_pending',
  'provider_admin',
  'super_admin',
] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** Roles an admin may give a member (contract E14). */
export const ASSIGNABLE_ROLES = ['admin', 'editor', 'contributor'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export const PERMISSIONS = [
  'read-org',
  'update-org',
  'delete-org',
  'set-org-user-authz',
  'set-org-tool-authz',
  'read-dataset',
  'create-dataset',
  'update-dataset',
  'update-dataset-visibility',
  'delete-dataset',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const PERMISSION_MATRIX: Record<OrgRole, readonly Permission[]> = {
  admin: ALL,
  editor: [
    'read-org',
    'update-org',
    'set-org-tool-authz',
    'read-dataset',
    'create-dataset',
    'update-dataset',
    'update-dataset-visibility',
    'delete-dataset',
  ],
  contributor: ['read-org', 'read-dataset', 'create-dataset', 'update-dataset'],
  contributor_pending: [],
  provider_admin: [
    'read-org',
    'update-org',
    'read-dataset',
    'create-dataset',
    'update-dataset',
    'update-dataset-visibility',
    'delete-dataset',
  ],
  super_admin: ALL,
};

export function hasPermission(
  role: OrgRole | null | undefined,
  permission: Permission,
): boolean {
  if (!role) return false;

  return PERMISSION_MATRIX[role].includes(permission);
}

export function listPermissions(
  role: OrgRole | null | undefined,
): Permission[] {
  return role ? [...PERMISSION_MATRIX[role]] : [];
}
