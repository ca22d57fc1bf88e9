/**
 * The closed sets of values the RYD schemas accept, as plain constants: list
 * pages that only offer them as filters import these, not the zod schemas,
 * so that zod stays out of their browser bundles.
 */

export const FILE_TYPES = ['activity', 'organisation'] as const;
export const VISIBILITIES = ['public', 'private'] as const;
/** Extension: sort orders of GET /reporting-orgs/{oid}/datasets. */
export const DATASET_SORTS = ['name', '-name', 'updated', '-updated'] as const;
