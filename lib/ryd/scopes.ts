/**
 * The RYD scope catalogue (contract §1.0, the spec's `securitySchemes`), used
 * by the identity service to grant scopes and by the web app to ask for them.
 */

export const RYD_SCOPES = [
  'ryd',
  'ryd:reporting_org',
  'ryd:reporting_org:create',
  'ryd:reporting_org:update',
  'ryd:reporting_org:delete',
  'ryd:reporting_org:user',
  'ryd:reporting_org:user:update',
  'ryd:reporting_org:tool',
  'ryd:reporting_org:tool:update',
  'ryd:dataset',
  'ryd:dataset:update',
  'ryd:dataset:delete',
] as const;
export type RydScope = (typeof RYD_SCOPES)[number];

export function isRydScope(value: string): value is RydScope {
  return (RYD_SCOPES as readonly string[]).includes(value);
}
