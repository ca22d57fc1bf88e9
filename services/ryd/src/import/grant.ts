import { randomUUID } from 'node:crypto';

import { and, eq, isNull, sql } from 'drizzle-orm';

import { assignableRoleSchema, uuidSchema } from '@/lib/ryd/schemas';
import type { AssignableRole } from '@/lib/ryd/permissions';

import type { RydDb, RydTx } from '../db/client';
import {
  auditLog,
  memberships,
  reportingOrgs,
  superadmins,
  users,
  type MembershipRole,
  type UserRow,
} from '../db/schema';
import { isSuperadmin, isToolAdminUser } from '../lib/access';

/**
 * What `npm run grant` does, so a self-hosted install can name its first
 * admins and superadmins without a token: the API itself only lets an
 * existing admin or superadmin give roles (contract E14).
 */

/** Marks audit rows written by this command rather than through the API. */
export const GRANT_CLIENT_ID = 'cli:grant';

export type GrantErrorCode =
  | 'bad-user'
  | 'bad-role'
  | 'unknown-org'
  | 'ambiguous-user'
  | 'user-conflict'
  | 'superadmin-role'
  | 'tool-admin-role';

export class GrantError extends Error {
  constructor(
    readonly code: GrantErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GrantError';
  }
}

/**
 * Who to grant to: a uid, an e-mail, or both. A user that does not exist yet
 * is created, with the given uid (so it matches an identity account's
 * `iatiRegistryId`) or a new one.
 */
export type UserRef = { uid?: string; email?: string; name?: string };

/** Reads the command's user argument: a UUID is a uid, else an e-mail. */
export function parseUserArgument(value: string): UserRef {
  const trimmed = value.trim();
  const uid = uuidSchema.safeParse(trimmed);
  if (uid.success) return { uid: uid.data };
  if (/^[^\s@]+@[^\s@]+$/.test(trimmed)) return { email: trimmed };

  throw new GrantError(
    'bad-user',
    `"${value}" is neither a user id (UUID) nor an e-mail address.`,
  );
}

async function findUserByEmail(
  tx: RydTx,
  email: string,
): Promise<UserRow | undefined> {
  const found = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(2);
  if (found.length > 1) {
    throw new GrantError(
      'ambiguous-user',
      `Several users have the e-mail ${email}; give the user id instead.`,
    );
  }

  return found[0];
}

async function findOrCreateUser(
  tx: RydTx,
  ref: UserRef,
): Promise<{ user: UserRow; created: boolean }> {
  const uid = ref.uid?.toLowerCase();
  const email = ref.email?.trim();
  if (uid) {
    const [byId] = await tx.select().from(users).where(eq(users.id, uid));
    if (byId) return { user: byId, created: false };
  }
  const byEmail = email ? await findUserByEmail(tx, email) : undefined;
  if (byEmail && uid) {
    throw new GrantError(
      'user-conflict',
      `The e-mail ${email} belongs to user ${byEmail.id}, not ${uid}.`,
    );
  }
  if (byEmail) return { user: byEmail, created: false };
  if (!uid && !email) {
    throw new GrantError('bad-user', 'Give a user id or an e-mail address.');
  }

  const [created] = await tx
    .insert(users)
    .values({
      id: uid ?? randomUUID(),
      email: email ?? '',
      name: ref.name?.trim() ?? '',
    })
    .returning();
  if (!created) throw new Error('Creating the user returned no row.');

  return { user: created, created: true };
}

/**
 * Finds a live organisation by short name, ignoring case (RYD names are
 * lower-case; the registry once had `IFS`), and then by a former name.
 */
async function findLiveOrg(tx: RydTx, name: string) {
  const shortName = name.trim().toLowerCase();
  const columns = { id: reportingOrgs.id, shortName: reportingOrgs.shortName };
  const [current] = await tx
    .select(columns)
    .from(reportingOrgs)
    .where(
      and(
        eq(reportingOrgs.shortName, shortName),
        isNull(reportingOrgs.deletedAt),
      ),
    );
  if (current) return current;
  const formerly = await tx
    .select(columns)
    .from(reportingOrgs)
    .where(
      and(
        sql`${shortName} = any(${reportingOrgs.formerShortNames})`,
        isNull(reportingOrgs.deletedAt),
      ),
    )
    .limit(2);

  // A former name two organisations once used names neither of them.
  return formerly.length === 1 ? formerly[0] : undefined;
}

export type GrantRoleResult = {
  userId: string;
  userCreated: boolean;
  orgId: string;
  orgShortName: string;
  role: AssignableRole;
  previousRole: MembershipRole | null;
  /** False when the user already held exactly this role. */
  changed: boolean;
};

export async function grantOrgRole(
  db: RydDb,
  input: { user: UserRef; orgShortName: string; role: string },
): Promise<GrantRoleResult> {
  const role = assignableRoleSchema.safeParse(input.role.trim().toLowerCase());
  if (!role.success) {
    throw new GrantError(
      'bad-role',
      `Unknown role "${input.role}": use admin, editor or contributor.`,
    );
  }

  // Everything in one transaction: a refusal after the user was created
  // leaves no user behind.
  return db.transaction(async (tx) => {
    const org = await findLiveOrg(tx, input.orgShortName);
    if (!org) {
      throw new GrantError(
        'unknown-org',
        `There is no organisation with the short name "${input.orgShortName}".`,
      );
    }

    const { user, created } = await findOrCreateUser(tx, input.user);
    // Contract §4.3/§4.5: superadmins and tool admin users never hold
    // regular org roles (role resolution would break for them).
    if (await isSuperadmin(tx, user.id)) {
      throw new GrantError(
        'superadmin-role',
        `User ${user.id} is a superadmin and already reaches every organisation; superadmins hold no org roles.`,
      );
    }
    if (await isToolAdminUser(tx, user.id)) {
      throw new GrantError(
        'tool-admin-role',
        `User ${user.id} is a tool admin user; tool admin users hold no org roles.`,
      );
    }

    const [current] = await tx
      .select()
      .from(memberships)
      .where(
        and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)),
      );
    const result: GrantRoleResult = {
      userId: user.id,
      userCreated: created,
      orgId: org.id,
      orgShortName: org.shortName,
      role: role.data,
      previousRole: current?.role ?? null,
      changed: current?.role !== role.data,
    };
    if (!result.changed) return result;

    const [membership] = current
      ? await tx
          .update(memberships)
          .set({
            role: role.data,
            version: sql`${memberships.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(memberships.id, current.id))
          .returning()
      : await tx
          .insert(memberships)
          .values({ orgId: org.id, userId: user.id, role: role.data })
          .returning();

    await tx.insert(auditLog).values({
      clientId: GRANT_CLIENT_ID,
      orgId: org.id,
      action: 'membership.grant',
      entityType: 'membership',
      entityId: membership?.id ?? null,
      before: current
        ? { user_id: user.id, role: current.role, version: current.version }
        : null,
      after: {
        user_id: user.id,
        role: role.data,
        version: membership?.version ?? null,
        user_created: created,
      },
    });

    return result;
  });
}

export type GrantSuperadminResult = {
  userId: string;
  userCreated: boolean;
  changed: boolean;
};

export async function grantSuperadmin(
  db: RydDb,
  input: { user: UserRef },
): Promise<GrantSuperadminResult> {
  return db.transaction(async (tx) => {
    const { user, created } = await findOrCreateUser(tx, input.user);
    if (await isSuperadmin(tx, user.id)) {
      return { userId: user.id, userCreated: created, changed: false };
    }
    await tx.insert(superadmins).values({ userId: user.id });
    await tx.insert(auditLog).values({
      clientId: GRANT_CLIENT_ID,
      action: 'superadmin.grant',
      entityType: 'superadmin',
      entityId: user.id,
      after: { user_id: user.id, user_created: created },
    });

    return { userId: user.id, userCreated: created, changed: true };
  });
}
