/**
 * The RYD contract as zod schemas, shared by the RYD server (which validates
 * requests and generates its OpenAPI document from them) and the web app
 * (forms and response parsing). Plain zod only: no server-only imports.
 *
 * Meaning of "", null and absent keys in request bodies (SR-31):
 * - absent (undefined): "not given". On create it means no value (stored as
 *   null); on update it means "leave unchanged" (partial PATCH).
 * - null: "no value". On update it clears an optional field. Required fields
 *   never accept null.
 * - "" in an optional org text field: a blank form input, the same as null.
 *   In a required field it is refused (400). In dataset `licence_id` and
 *   `source_type` it means "not stated", as legacy registry records have it;
 *   in dataset `language` it is the same as null.
 * - Strings are trimmed; numbers are never coerced from "" (see pageQuery).
 * Unknown keys are refused (400) so that server-controlled fields such as
 * `id`, `short_name` on update or `registry_approved` can never be assigned.
 */
import { z } from 'zod';

import { listLanguageCodes } from '../codelists/language-codes';
import { UUID_PATTERN } from './ids';
import { ASSIGNABLE_ROLES, ORG_ROLES, PERMISSIONS } from './permissions';
import { DATASET_SORTS, FILE_TYPES, VISIBILITIES } from './values';

export { DATASET_SORTS };

/** Upper bound for free-text fields, so a huge string is a 400, not a load. */
export const MAX_TEXT = 2000;
export const MAX_NAME = 200;
/**
 * Organisation descriptions run long in the real registry (the longest is
 * about 20,000 characters), so they get a bound of their own.
 */
export const MAX_DESCRIPTION = 30000;
export const MAX_SHORT_NAME = 100;

export const SHORT_NAME_PATTERN = /^[a-z0-9_-]+$/;

// ---------------------------------------------------------------------------
// Building blocks

/** Any 8-4-4-4-12 hex id, case-insensitive, normalised to lowercase. */
export const uuidSchema = z
  .string()
  .regex(UUID_PATTERN, 'Must be a UUID (8-4-4-4-12 hexadecimal digits).')
  .transform((value) => value.toLowerCase());

export const shortNameSchema = z
  .string()
  .min(1, 'Enter a short name.')
  .max(MAX_SHORT_NAME, `Use at most ${MAX_SHORT_NAME} characters.`)
  .regex(
    SHORT_NAME_PATTERN,
    'Use only lowercase letters, digits, hyphens and underscores.',
  );

/**
 * A UTF-16 surrogate code unit without its partner: JSON can carry one as an
 * escape ("\ud800"), but it is no character, so UTF-8 (and PostgreSQL) has
 * no encoding for it. With the `u` flag a well-formed pair is one astral code
 * point, so only unpaired halves match. A regex rather than
 * String.prototype.isWellFormed, which some browsers the forms run in lack.
 */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Trimmed text. PostgreSQL text cannot hold U+0000 or an unpaired surrogate
 * (jsonb refuses it, text stores U+FFFD), so either is a 400 here instead of
 * a database error (a 500) or silently altered data later. A refinement, not
 * a second regex, so the OpenAPI document keeps one `pattern`.
 */
const text = () =>
  z
    .string()
    .trim()
    .regex(/^[^\u0000]*$/, 'Remove the NUL character (U+0000).')
    .refine(
      (value) => !UNPAIRED_SURROGATE.test(value),
      'Remove the broken character (an unpaired UTF-16 surrogate) and send the text again.',
    );

const requiredText = (max: number, message: string) =>
  text().min(1, message).max(max, `Use at most ${max} characters.`);

/** Optional text: "" and null both mean "no value" and become null. */
const optionalText = (max = MAX_TEXT) =>
  text()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .transform((value) => (value === '' || value === null ? null : value));

export const orgRoleSchema = z.enum(ORG_ROLES);
export const assignableRoleSchema = z.enum(ASSIGNABLE_ROLES, {
  error: "Input should be 'admin', 'editor' or 'contributor'.",
});
export const permissionSchema = z.enum(PERMISSIONS);
export const visibilitySchema = z.enum(VISIBILITIES, {
  error: "Input should be 'public' or 'private'.",
});
export type Visibility = z.infer<typeof visibilitySchema>;
export const sourceTypeSchema = z.enum(['primary_source', 'secondary_source']);
export const fileTypeSchema = z.enum(FILE_TYPES);
export type FileType = z.infer<typeof fileTypeSchema>;

const LANGUAGE_MESSAGE = 'Choose a language from the list.';
/** A code of the IATI Language codelist: ISO 639-1, two lowercase letters. */
export const languageCodeSchema = z.enum(listLanguageCodes(), {
  error: LANGUAGE_MESSAGE,
});

// ---------------------------------------------------------------------------
// Organisations (contract §1.1)

export const orgMetadataSchema = z
  .object({
    address: z.string().nullable(),
    contact_email: z.string().nullable(),
    created_date: z.string().nullable(),
    data_portal_url: z.string().nullable(),
    default_licence_id: z.string().nullable(),
    description: z.string().nullable(),
    exclusions_policy_url: z.string().nullable(),
    fax: z.string().nullable(),
    first_publication_date: z.string().nullable(),
    hq_country: z.string().nullable(),
    human_readable_name: z.string(),
    number_of_published_datasets: z.number().int(),
    organisation_identifier: z.string(),
    organisation_type: z.string().nullable(),
    phone: z.string().nullable(),
    region: z.string().nullable(),
    registry_approved: z.boolean(),
    reporting_source_type: z.string().nullable(),
    short_name: z.string().nullable(),
    website: z.string().nullable(),
  })
  .meta({ id: 'OrgMetadata' });
export type OrgMetadata = z.infer<typeof orgMetadataSchema>;

export const discoverableOrgMetadataSchema = z
  .object({
    hq_country: z.string().nullable(),
    human_readable_name: z.string(),
    organisation_identifier: z.string(),
    region: z.string().nullable(),
    short_name: z.string().nullable(),
    website: z.string().nullable(),
  })
  .meta({ id: 'DiscoverableOrgMetadata' });
export type DiscoverableOrgMetadata = z.infer<
  typeof discoverableOrgMetadataSchema
>;

export const orgRelationSchema = z
  .object({
    id: z.string(),
    metadata: z.union([orgMetadataSchema, discoverableOrgMetadataSchema]),
    reporting_org_actions: z.array(z.unknown()),
    user_role: orgRoleSchema,
    /** Extension: datasets this organisation owns in this registry. */
    dataset_count: z.number().int().optional(),
  })
  .meta({ id: 'OrgRelation' });
export type OrgRelation = z.infer<typeof orgRelationSchema>;

export const discoverableOrgSchema = z
  .object({ id: z.string(), metadata: discoverableOrgMetadataSchema })
  .meta({ id: 'DiscoverableOrg' });
export type DiscoverableOrg = z.infer<typeof discoverableOrgSchema>;

export const orgUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: orgRoleSchema,
    /**
     * Extension: the membership's version, the strong ETag to send as
     * `If-Match` when changing or removing it (absent for provider admins).
     */
    version: z.number().int().optional(),
  })
  .meta({ id: 'OrgUser' });
export type OrgUser = z.infer<typeof orgUserSchema>;

// ---------------------------------------------------------------------------
// Datasets

export const datasetMetadataSchema = z
  .object({
    human_readable_name: z.string(),
    short_name: z.string(),
    source_type: z.string(),
    url: z.string(),
    visibility: z.string(),
    licence_id: z.string(),
    last_url_update_date: z.string(),
    last_metadata_update_date: z.string(),
    /** Extension: IATI file type; the official server has no such field. */
    file_type: fileTypeSchema.nullable().optional(),
    /**
     * Extension: IATI Language code, null when not stated. Read as any
     * string, so a code the codelist later withdraws still parses.
     */
    language: z.string().nullable().optional(),
  })
  .meta({ id: 'DatasetMetadata' });
export type DatasetMetadata = z.infer<typeof datasetMetadataSchema>;

export const DATASET_ACTION_TYPES = [
  'create',
  'update_metadata',
  'update_url',
  'change_visibility',
  'delete',
] as const;
export type DatasetActionType = (typeof DATASET_ACTION_TYPES)[number];

export const datasetActionSchema = z
  .object({
    action_type: z.string(),
    created_date: z.string(),
    id: z.string(),
    responsible_org_id: z.string(),
    responsible_org_name: z.string(),
    user_application_id: z.string(),
    user_application_name: z.string(),
    user_id: z.string(),
    user_name: z.string(),
  })
  .meta({ id: 'DatasetAction' });
export type DatasetAction = z.infer<typeof datasetActionSchema>;

export const datasetReadSchema = z
  .object({
    id: z.string(),
    owner_organisation_id: z.string(),
    metadata: datasetMetadataSchema,
    actions: z.array(datasetActionSchema),
    /** The spec's name for `actions`; clients should read either. */
    dataset_actions: z.array(datasetActionSchema).optional(),
  })
  .meta({ id: 'DatasetRead' });
export type DatasetRead = z.infer<typeof datasetReadSchema>;

// ---------------------------------------------------------------------------
// Tools, licences, roles

export const toolSchema = z
  .object({ id: z.string(), name: z.string(), provider: z.string() })
  .meta({ id: 'Tool' });
export type Tool = z.infer<typeof toolSchema>;

export const licenceSchema = z
  .object({
    id: z.string(),
    full_label: z.string(),
    short_label: z.string(),
    status: z.enum(['legacy', 'supported', 'preferred']),
  })
  .meta({ id: 'Licence' });
export type Licence = z.infer<typeof licenceSchema>;

/**
 * E16. `reporting_orgs` is an object keyed by org id in the official server
 * and an array of {id, role} in the spec; parse either, produce the object.
 */
export const userRolesSchema = z
  .object({
    superadmin: z.boolean(),
    tools: z.array(z.string()),
    reporting_orgs: z.union([
      z.record(z.string(), orgRoleSchema),
      z.array(z.object({ id: z.string(), role: orgRoleSchema })),
    ]),
  })
  .meta({ id: 'UserRoles' });
export type UserRoles = z.infer<typeof userRolesSchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    created_date: z.string(),
    action: z.string(),
    entity_type: z.string(),
    entity_id: z.string().nullable(),
    actor_uid: z.string().nullable(),
    actor_name: z.string().nullable(),
    client_id: z.string().nullable(),
    request_id: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

// ---------------------------------------------------------------------------
// Envelopes and pagination (contract §0, §2.1)

export const paginationSchema = z
  .object({
    page: z.number().int(),
    page_size: z.number().int(),
    total_pages: z.number().int(),
    total_records: z.number().int(),
    links: z.object({
      first: z.string(),
      last: z.string(),
      next: z.string().nullable(),
      prev: z.string().nullable(),
    }),
  })
  .meta({ id: 'Pagination' });
export type Pagination = z.infer<typeof paginationSchema>;

export const errorEnvelopeSchema = z
  .object({
    status: z.literal('failed'),
    data: z.null(),
    error: z.object({
      status_code: z.number().int(),
      error_msg: z.union([z.string(), z.array(z.string())]),
      /** Extension: a stable machine-readable code (lib/ryd/errors.ts). */
      code: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export function successEnvelope<T extends z.ZodType>(data: T) {
  return z.object({
    status: z.literal('success'),
    error: z.null(),
    data,
  });
}

export function pagedEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    status: z.literal('success'),
    error: z.null(),
    data: z.array(item),
    pagination: paginationSchema,
  });
}

export const emptySuccessSchema = successEnvelope(z.null()).meta({
  id: 'EmptySuccess',
});

// ---------------------------------------------------------------------------
// Query parameters

/** A positive integer from a query string; "" is refused, never 0. */
const positiveIntParam = (max?: number) => {
  const number = z.number().int().min(1);
  return z
    .string()
    .regex(/^\d+$/, 'Must be a whole number.')
    .transform(Number)
    .pipe(max === undefined ? number : number.max(max));
};

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export const pageQuerySchema = z.object({
  page: positiveIntParam().optional(),
  page_size: positiveIntParam(MAX_PAGE_SIZE).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const includeActionsSchema = z.string().max(10).optional();

export const searchTermSchema = text()
  .min(2, 'String should have at least 2 characters.')
  .max(40, 'String should have at most 40 characters.');

export type DatasetSort = (typeof DATASET_SORTS)[number];

export const discoverableOrgsQuerySchema = pageQuerySchema.extend({
  q: searchTermSchema.optional(),
});

export const reportingOrgsQuerySchema = pageQuerySchema.extend({
  q: searchTermSchema.optional(),
  include_actions: includeActionsSchema,
  /** Extension, superadmins only: `yes` lists every live organisation. */
  all: z.enum(['yes', 'no']).optional(),
});

export const orgDatasetsQuerySchema = pageQuerySchema.extend({
  include_actions: includeActionsSchema,
  q: searchTermSchema.optional(),
  file_type: fileTypeSchema.optional(),
  visibility: visibilitySchema.optional(),
  sort: z.enum(DATASET_SORTS).optional(),
});

// ---------------------------------------------------------------------------
// Request bodies

/**
 * E3. The official server requires all 16 keys; here the optional ones may be
 * omitted (omitted = null), so the full official body is accepted too.
 */
export const reportingOrgCreateSchema = z
  .strictObject({
    short_name: shortNameSchema,
    human_readable_name: requiredText(MAX_NAME, 'Enter the organisation name.'),
    contact_email: text()
      .min(3, 'Enter a contact e-mail address.')
      .max(320, 'Use at most 320 characters.'),
    organisation_identifier: optionalText(MAX_NAME).optional(),
    address: optionalText().optional(),
    data_portal_url: optionalText().optional(),
    default_licence_id: optionalText(MAX_NAME).optional(),
    description: optionalText(MAX_DESCRIPTION).optional(),
    exclusions_policy_url: optionalText().optional(),
    fax: optionalText(MAX_NAME).optional(),
    hq_country: optionalText(MAX_NAME).optional(),
    organisation_type: optionalText(MAX_NAME).optional(),
    phone: optionalText(MAX_NAME).optional(),
    region: optionalText(MAX_NAME).optional(),
    reporting_source_type: optionalText(MAX_NAME).optional(),
    website: optionalText().optional(),
  })
  .meta({ id: 'ReportingOrgCreate' });
export type ReportingOrgCreate = z.infer<typeof reportingOrgCreateSchema>;
export type ReportingOrgCreateInput = z.input<typeof reportingOrgCreateSchema>;

/**
 * E5, partial: only the keys sent change. `short_name`,
 * `organisation_identifier`, `registry_approved`, ids and dates are not
 * accepted (400).
 */
export const reportingOrgUpdateSchema = z
  .strictObject({
    human_readable_name: requiredText(
      MAX_NAME,
      'Enter the organisation name.',
    ).optional(),
    contact_email: text()
      .min(1, 'Enter a contact e-mail address.')
      .max(320, 'Use at most 320 characters.')
      .nullable()
      .optional(),
    address: optionalText().optional(),
    data_portal_url: optionalText().optional(),
    default_licence_id: optionalText(MAX_NAME).optional(),
    description: optionalText(MAX_DESCRIPTION).optional(),
    exclusions_policy_url: optionalText().optional(),
    fax: optionalText(MAX_NAME).optional(),
    hq_country: optionalText(MAX_NAME).optional(),
    organisation_type: optionalText(MAX_NAME).optional(),
    phone: optionalText(MAX_NAME).optional(),
    region: optionalText(MAX_NAME).optional(),
    reporting_source_type: optionalText(MAX_NAME).optional(),
    website: optionalText().optional(),
  })
  .meta({ id: 'ReportingOrgUpdate' });
export type ReportingOrgUpdate = z.infer<typeof reportingOrgUpdateSchema>;
export type ReportingOrgUpdateInput = z.input<typeof reportingOrgUpdateSchema>;

/** "" = not stated (legacy records); otherwise one of the enum values. */
const datasetSourceTypeSchema = z.union([sourceTypeSchema, z.literal('')]);
const licenceIdSchema = text().max(
  MAX_SHORT_NAME,
  `Use at most ${MAX_SHORT_NAME} characters.`,
);
const datasetUrlSchema = text().max(
  MAX_TEXT,
  `Use at most ${MAX_TEXT} characters.`,
);
/**
 * Extension: an IATI Language code. "" (the form's "Not stated") and null
 * both mean no language; on update they clear it.
 */
const datasetLanguageSchema = z
  .union([languageCodeSchema, z.literal('')], { error: LANGUAGE_MESSAGE })
  .nullable()
  .transform((value) => value || null);

/** E18. */
export const datasetCreateSchema = z
  .strictObject({
    owner_organisation_id: uuidSchema,
    short_name: shortNameSchema,
    human_readable_name: requiredText(MAX_NAME, 'Enter the dataset title.'),
    source_type: datasetSourceTypeSchema,
    url: datasetUrlSchema,
    licence_id: licenceIdSchema,
    visibility: visibilitySchema,
    /** Extension; defaults to `activity`. */
    file_type: fileTypeSchema.optional(),
    language: datasetLanguageSchema.optional(),
  })
  .meta({ id: 'DatasetCreate' });
export type DatasetCreate = z.infer<typeof datasetCreateSchema>;
export type DatasetCreateInput = z.input<typeof datasetCreateSchema>;

/**
 * E20, partial: only the keys sent change, and the full body official clients
 * send (five fields plus optional visibility) is accepted as well. Null
 * `visibility` means "unchanged", as in the official server.
 * `owner_organisation_id` may be sent only with the current owner's id (read-
 * modify-write clients); any other value is a 400 because owners never change.
 */
export const datasetUpdateSchema = z
  .strictObject({
    human_readable_name: requiredText(
      MAX_NAME,
      'Enter the dataset title.',
    ).optional(),
    short_name: shortNameSchema.optional(),
    source_type: datasetSourceTypeSchema.optional(),
    url: datasetUrlSchema.optional(),
    licence_id: licenceIdSchema.optional(),
    visibility: visibilitySchema.nullable().optional(),
    file_type: fileTypeSchema.optional(),
    language: datasetLanguageSchema.optional(),
    owner_organisation_id: uuidSchema.optional(),
  })
  .meta({ id: 'DatasetUpdate' });
export type DatasetUpdate = z.infer<typeof datasetUpdateSchema>;
export type DatasetUpdateInput = z.input<typeof datasetUpdateSchema>;

/** E12. */
export const joinRequestSchema = z
  .strictObject({ oid: uuidSchema })
  .meta({ id: 'JoinRequest' });
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** E14. */
export const setRoleSchema = z
  .strictObject({ role: assignableRoleSchema })
  .meta({ id: 'SetRole' });
export type SetRole = z.infer<typeof setRoleSchema>;

/** E10. */
export const toolGrantSchema = z
  .strictObject({ tid: uuidSchema })
  .meta({ id: 'ToolGrant' });
export type ToolGrant = z.infer<typeof toolGrantSchema>;

// ---------------------------------------------------------------------------
// Response payload schemas per endpoint

export const discoverableOrgListSchema = pagedEnvelope(discoverableOrgSchema);
export const orgRelationListSchema = pagedEnvelope(orgRelationSchema);
export const orgRelationResponseSchema = successEnvelope(orgRelationSchema);
export const orgUserListSchema = successEnvelope(z.array(orgUserSchema));
export const datasetListSchema = pagedEnvelope(datasetReadSchema);
export const datasetResponseSchema = successEnvelope(datasetReadSchema);
export const toolListSchema = successEnvelope(z.array(toolSchema));
export const userRolesResponseSchema = successEnvelope(userRolesSchema);
export const permissionListSchema = successEnvelope(z.array(permissionSchema));
export const licenceListSchema = z.array(licenceSchema);
export const auditListSchema = pagedEnvelope(auditEntrySchema);
export const accessCheckSchema = successEnvelope(
  z.object({ message: z.string() }),
);
