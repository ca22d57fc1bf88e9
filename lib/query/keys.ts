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
};
