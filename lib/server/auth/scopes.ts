import { RYD_SCOPES } from '@/lib/ryd/scopes';

/** OpenID scopes the app asks for besides RYD's. */
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/**
 * The app uses every RYD scope: each one backs a screen or an action. The
 * provider may grant fewer; the session records what is missing.
 */
export const REQUESTED_SCOPES = [...OIDC_SCOPES, ...RYD_SCOPES];

export function parseScopes(value: unknown): string[] {
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
}

/** RYD scopes asked for and not granted. */
export function findMissingScopes(granted: string[]): string[] {
  const have = new Set(granted);

  return RYD_SCOPES.filter((scope) => !have.has(scope));
}

/** What each missing scope stops the user from doing, for the UI. */
export const SCOPE_CAPABILITIES: Record<string, string> = {
  ryd: 'use the Register Your Data service',
  'ryd:reporting_org': 'see organisations',
  'ryd:reporting_org:create': 'create organisations',
  'ryd:reporting_org:update': 'edit organisations',
  'ryd:reporting_org:delete': 'delete organisations',
  'ryd:reporting_org:user': 'see members or ask to join an organisation',
  'ryd:reporting_org:user:update': 'change or remove members',
  'ryd:reporting_org:tool': 'see authorised tools',
  'ryd:reporting_org:tool:update': 'authorise or revoke tools',
  'ryd:dataset': 'see or create datasets',
  'ryd:dataset:update': 'edit datasets',
  'ryd:dataset:delete': 'delete datasets',
};
