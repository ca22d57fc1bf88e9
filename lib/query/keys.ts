/**
 * Query keys start with the signed-in person's id and, for organisation data,
 * the organisation id, so that a cached answer is never shown to someone else
 * or under another organisation.
 */
export const queryKeys = {
  all: (uid: string) => [uid] as const,
  orgLists: (uid: string) => [uid, 'orgs'] as const,
  orgList: (
    uid: string,
    params: { scope: 'mine' | 'all'; q: string; page: number },
  ) => [uid, 'orgs', params] as const,
  org: (uid: string, oid: string) => [uid, 'org', oid] as const,
  orgDatasets: (uid: string, oid: string) =>
    [uid, 'org', oid, 'datasets'] as const,
  orgDatasetList: (
    uid: string,
    oid: string,
    params: Record<string, string | number>,
  ) => [uid, 'org', oid, 'datasets', params] as const,
  orgMembers: (uid: string, oid: string) =>
    [uid, 'org', oid, 'members'] as const,
  orgTools: (uid: string, oid: string) => [uid, 'org', oid, 'tools'] as const,
  orgAudit: (uid: string, oid: string, page: number) =>
    [uid, 'org', oid, 'audit', page] as const,
  discoverableOrgs: (uid: string, params: { q: string; page: number }) =>
    [uid, 'discoverable-orgs', params] as const,
  myRoles: (uid: string) => [uid, 'roles'] as const,
};
