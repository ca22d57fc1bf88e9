import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * People who signed in, keyed by issuer and subject (SR-06): the email is
 * only an attribute and may change at the identity provider.
 */
export const users = pgTable(
  'users',
  {
    iss: text('iss').notNull(),
    sub: text('sub').notNull(),
    email: text('email'),
    name: text('name'),
    registryId: text('registry_id'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.iss, table.sub] })],
);

export type SessionProfile = {
  name: string;
  email: string;
  uid: string;
  identityRoles: string[];
};

/**
 * Server-side sessions: the browser holds only an encrypted cookie naming a
 * row here, and the tokens never leave the server.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    iss: text('iss').notNull(),
    sub: text('sub').notNull(),
    client: text('client', { enum: ['web', 'tool'] }).notNull(),
    /** The provider's session id (`sid`), for back-channel logout. */
    providerSid: text('provider_sid'),
    profile: jsonb('profile').$type<SessionProfile>().notNull(),
    requestedScopes: text('requested_scopes').array().notNull(),
    grantedScopes: text('granted_scopes').array().notNull(),
    accessToken: text('access_token').notNull(),
    accessTokenExpiresAt: timestamp('access_token_expires_at', {
      withTimezone: true,
    }).notNull(),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    /** When the tokens above were last obtained from the provider. */
    tokensUpdatedAt: timestamp('tokens_updated_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    /** Bumped on every token change: the compare-and-set of refreshes. */
    version: integer('version').notNull().default(1),
    /** Set while one process refreshes; others wait for its result. */
    refreshLeaseUntil: timestamp('refresh_lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('sessions_subject_idx').on(table.iss, table.sub),
    index('sessions_provider_sid_idx').on(table.iss, table.providerSid),
  ],
);

export type LastDataset = { did: string; name: string; oid: string };

/** Per-person preferences, keyed like users. */
export const userPreferences = pgTable(
  'user_preferences',
  {
    iss: text('iss').notNull(),
    sub: text('sub').notNull(),
    lastDataset: jsonb('last_dataset').$type<LastDataset>(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.iss, table.sub] })],
);

/** Logout-token ids already acted on, to refuse replays (BCL 1.0 §2.6). */
export const usedLogoutTokens = pgTable('used_logout_tokens', {
  jti: text('jti').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
