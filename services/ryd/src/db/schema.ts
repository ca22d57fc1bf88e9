/**
 * RYD database schema (PostgreSQL dialect: PGlite by default, PostgreSQL when
 * DATABASE_URL is set). Migrations are generated from this file into
 * services/ryd/drizzle/ by drizzle-kit.
 *
 * Columns keep the contract's names where they map 1:1 so a CKAN import can
 * fill them directly (contract §5.1, §5.2).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow(),
};

export const reportingOrgs = pgTable(
  'reporting_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shortName: text('short_name').notNull(),
    humanReadableName: text('human_readable_name').notNull(),
    organisationIdentifier: text('organisation_identifier')
      .notNull()
      .default(''),
    organisationType: text('organisation_type'),
    hqCountry: text('hq_country'),
    region: text('region'),
    reportingSourceType: text('reporting_source_type'),
    defaultLicenceId: text('default_licence_id'),
    description: text('description'),
    website: text('website'),
    dataPortalUrl: text('data_portal_url'),
    exclusionsPolicyUrl: text('exclusions_policy_url'),
    contactEmail: text('contact_email'),
    address: text('address'),
    phone: text('phone'),
    fax: text('fax'),
    registryApproved: boolean('registry_approved').notNull().default(false),
    /** Kept as the registry's date string ("" never stored: null instead). */
    firstPublicationDate: text('first_publication_date'),
    numberOfPublishedDatasets: integer('number_of_published_datasets')
      .notNull()
      .default(0),
    /** Contract `created_date`: when the organisation was registered. */
    createdDate: timestamp('created_date', { withTimezone: true })
      .notNull()
      .defaultNow(),
    discoverable: boolean('discoverable').notNull().default(true),
    /**
     * Added for the CKAN import: the organisation's former short names
     * (CKAN `historical_publisher_names`), kept so old names still identify
     * it. Not part of the contract's metadata.
     */
    formerShortNames: text('former_short_names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Bumped on every change; served as the strong ETag. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    // Short names are unique among live organisations only: a deleted org's
    // name may be reused (contract E6).
    uniqueIndex('reporting_orgs_short_name_live_uq')
      .on(table.shortName)
      .where(sql`${table.deletedAt} is null`),
    index('reporting_orgs_lower_name_idx').on(
      sql`lower(${table.humanReadableName})`,
      table.id,
    ),
    index('reporting_orgs_identifier_idx').on(table.organisationIdentifier),
  ],
);

export const users = pgTable(
  'users',
  {
    /** The contract's `uid`: the token's `iatiRegistryId`. */
    id: uuid('id').primaryKey(),
    name: text('name').notNull().default(''),
    email: text('email').notNull().default(''),
    ...timestamps,
  },
  (table) => [index('users_lower_name_idx').on(sql`lower(${table.name})`)],
);

export const MEMBERSHIP_ROLES = [
  'admin',
  'editor',
  'contributor',
  'contributor_pending',
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => reportingOrgs.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    role: text('role').$type<MembershipRole>().notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('memberships_org_user_uq').on(table.orgId, table.userId),
    index('memberships_user_idx').on(table.userId),
    check(
      'memberships_role_ck',
      sql`${table.role} in ('admin', 'editor', 'contributor', 'contributor_pending')`,
    ),
  ],
);

export const superadmins = pgTable('superadmins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'restrict' }),
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .defaultNow(),
});

export const tools = pgTable(
  'tools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    provider: text('provider').notNull(),
    /** The tool's OAuth client id; never exposed by the API. */
    clientId: text('client_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [uniqueIndex('tools_client_id_uq').on(table.clientId)],
);

export const toolAdminUsers = pgTable(
  'tool_admin_users',
  {
    toolId: uuid('tool_id')
      .notNull()
      .references(() => tools.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.toolId, table.userId] }),
    index('tool_admin_users_user_idx').on(table.userId),
  ],
);

export const toolAuthorisations = pgTable(
  'tool_authorisations',
  {
    toolId: uuid('tool_id')
      .notNull()
      .references(() => tools.id, { onDelete: 'restrict' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => reportingOrgs.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.toolId, table.orgId] }),
    index('tool_authorisations_org_idx').on(table.orgId),
  ],
);

export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => reportingOrgs.id, { onDelete: 'restrict' }),
    shortName: text('short_name').notNull(),
    title: text('title').notNull(),
    sourceType: text('source_type').notNull().default(''),
    url: text('url').notNull().default(''),
    visibility: text('visibility')
      .$type<'public' | 'private'>()
      .notNull()
      .default('public'),
    licenceId: text('licence_id').notNull().default(''),
    fileType: text('file_type').$type<'activity' | 'organisation'>(),
    /**
     * Extension: an IATI Language code (ISO 639-1). The API checks it against
     * the codelist; the database only checks its shape, so that a codelist
     * update needs no migration.
     */
    language: text('language'),
    /**
     * Added for the CKAN import: the `country` extra of a CKAN package
     * (ISO 3166-1 alpha-2), like `language` a downstream-only field.
     */
    country: text('country'),
    lastUrlUpdateDate: timestamp('last_url_update_date', {
      withTimezone: true,
    }),
    lastMetadataUpdateDate: timestamp('last_metadata_update_date', {
      withTimezone: true,
    }),
    /** Deleted datasets are kept for the audit trail; their name is freed. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('datasets_short_name_live_uq')
      .on(table.shortName)
      .where(sql`${table.deletedAt} is null`),
    index('datasets_owner_title_idx')
      .on(table.ownerOrgId, sql`lower(${table.title})`, table.id)
      .where(sql`${table.deletedAt} is null`),
    index('datasets_owner_updated_idx')
      .on(table.ownerOrgId, table.updatedAt)
      .where(sql`${table.deletedAt} is null`),
    check(
      'datasets_visibility_ck',
      sql`${table.visibility} in ('public', 'private')`,
    ),
    check(
      'datasets_file_type_ck',
      sql`${table.fileType} is null or ${table.fileType} in ('activity', 'organisation')`,
    ),
    check(
      'datasets_language_ck',
      sql`${table.language} is null or ${table.language} ~ '^[a-z]{2}$'`,
    ),
  ],
);

export const datasetActions = pgTable(
  'dataset_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'restrict' }),
    actionType: text('action_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    responsibleOrgId: uuid('responsible_org_id').notNull(),
    responsibleOrgName: text('responsible_org_name').notNull(),
    userApplicationId: text('user_application_id').notNull().default(''),
    userApplicationName: text('user_application_name').notNull().default(''),
    userId: text('user_id').notNull().default(''),
    userName: text('user_name').notNull().default(''),
  },
  (table) => [
    index('dataset_actions_dataset_idx').on(table.datasetId, table.createdAt),
    check(
      'dataset_actions_type_ck',
      sql`${table.actionType} in ('create', 'update_metadata', 'update_url', 'change_visibility', 'delete')`,
    ),
  ],
);

/** Append-only (a trigger in the migrations refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    actorUid: uuid('actor_uid'),
    actorSub: text('actor_sub'),
    actorIss: text('actor_iss'),
    clientId: text('client_id'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (table) => [index('audit_log_org_idx').on(table.orgId, table.id)],
);

/** Messages the official server e-mails; sent by SMTP when configured. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name').notNull().default(''),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    payload: jsonb('payload'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('outbox_unsent_idx')
      .on(table.id)
      .where(sql`${table.sentAt} is null`),
  ],
);

/** Idempotency-Key replay store for create POSTs (E3, E18). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorUid: uuid('actor_uid').notNull(),
    key: text('key').notNull(),
    endpoint: text('endpoint').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.actorUid, table.endpoint, table.key] }),
  ],
);

export type ReportingOrgRow = typeof reportingOrgs.$inferSelect;
export type DatasetRow = typeof datasets.$inferSelect;
export type DatasetActionRow = typeof datasetActions.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type ToolRow = typeof tools.$inferSelect;
