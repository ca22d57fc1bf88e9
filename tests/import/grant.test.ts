import { rm } from 'node:fs/promises';
import path from 'node:path';

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { personas } from '@/lib/demo/personas';
import {
  acquirePgliteLock,
  openDb,
  type OpenedDb,
} from '@/services/ryd/src/db/client';
import {
  auditLog,
  memberships,
  reportingOrgs,
  superadmins,
  users,
} from '@/services/ryd/src/db/schema';
import {
  GrantError,
  grantOrgRole,
  grantSuperadmin,
  parseUserArgument,
} from '@/services/ryd/src/import/grant';

import { makeTempDir } from './ckan-fixture';
import { runScript } from './run-script';

const ORG_A = '7a000000-0000-4000-8000-00000000000a';
const ORG_B = '7b000000-0000-4000-8000-00000000000b';
const admin = personas.admin;

async function snapshot(opened: OpenedDb) {
  const count = async (table: typeof users | typeof memberships) => {
    const [row] = await opened.db
      .select({ count: sql<number>`count(*)::int` })
      .from(table);
    return row?.count;
  };
  const [audits] = await opened.db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditLog);

  return {
    users: await count(users),
    memberships: await count(memberships),
    audits: audits?.count,
  };
}

async function findRole(opened: OpenedDb, userId: string, orgId: string) {
  const [row] = await opened.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));

  return row;
}

async function expectGrantError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GrantError);
  expect((error as GrantError).code).toBe(code);
}

describe('grant', () => {
  let root: string;
  let opened: OpenedDb;

  beforeAll(async () => {
    root = await makeTempDir('ryd-grant-');
    opened = await openDb({ dataDir: path.join(root, 'ryd') });
    await opened.db.insert(reportingOrgs).values([
      {
        id: ORG_A,
        shortName: 'ifs',
        humanReadableName: 'Institute',
        organisationIdentifier: 'GB-COH-1',
        formerShortNames: ['fiscal-old'],
      },
      {
        id: ORG_B,
        shortName: 'beta',
        humanReadableName: 'Beta',
        organisationIdentifier: 'GB-COH-2',
      },
    ]);
  });

  afterAll(async () => {
    await opened?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses an unknown organisation and changes nothing', async () => {
    const before = await snapshot(opened);

    await expectGrantError(
      grantOrgRole(opened.db, {
        user: { uid: admin.uid, email: admin.email },
        orgShortName: 'no-such-org',
        role: 'admin',
      }),
      'unknown-org',
    );
    expect(await snapshot(opened)).toEqual(before);
  });

  it('refuses a role outside admin, editor and contributor', async () => {
    const before = await snapshot(opened);

    for (const role of ['owner', 'contributor_pending', 'super_admin']) {
      await expectGrantError(
        grantOrgRole(opened.db, {
          user: { uid: admin.uid },
          orgShortName: 'ifs',
          role,
        }),
        'bad-role',
      );
    }
    expect(await snapshot(opened)).toEqual(before);
  });

  it('creates the persona with its uid and gives the role, with an audit row', async () => {
    const result = await grantOrgRole(opened.db, {
      user: { uid: admin.uid, email: admin.email, name: admin.name },
      orgShortName: 'IFS',
      role: 'admin',
    });

    expect(result).toMatchObject({
      userId: admin.uid,
      userCreated: true,
      orgId: ORG_A,
      role: 'admin',
      previousRole: null,
      changed: true,
    });
    const [user] = await opened.db
      .select()
      .from(users)
      .where(eq(users.id, admin.uid));
    expect(user).toMatchObject({ email: admin.email, name: admin.name });
    expect(await findRole(opened, admin.uid, ORG_A)).toMatchObject({
      role: 'admin',
      version: 1,
    });
    const audits = await opened.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.orgId, ORG_A));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'membership.grant',
      entityType: 'membership',
      after: { user_id: admin.uid, role: 'admin', user_created: true },
    });
  });

  it('finds an existing user by e-mail and changes nothing for the same role', async () => {
    const before = await snapshot(opened);

    const result = await grantOrgRole(opened.db, {
      user: parseUserArgument(admin.email.toUpperCase()),
      orgShortName: 'ifs',
      role: 'admin',
    });

    expect(result).toMatchObject({ userId: admin.uid, changed: false });
    expect(await snapshot(opened)).toEqual(before);
  });

  it('changes an existing role and bumps the membership version', async () => {
    const result = await grantOrgRole(opened.db, {
      user: { email: admin.email },
      orgShortName: 'ifs',
      role: 'editor',
    });

    expect(result).toMatchObject({ previousRole: 'admin', changed: true });
    expect(await findRole(opened, admin.uid, ORG_A)).toMatchObject({
      role: 'editor',
      version: 2,
    });
  });

  it('approves a pending join request', async () => {
    await opened.db
      .insert(users)
      .values({ id: personas.pending.uid, email: personas.pending.email });
    await opened.db.insert(memberships).values({
      orgId: ORG_B,
      userId: personas.pending.uid,
      role: 'contributor_pending',
    });

    const result = await grantOrgRole(opened.db, {
      user: { uid: personas.pending.uid },
      orgShortName: 'beta',
      role: 'contributor',
    });

    expect(result.previousRole).toBe('contributor_pending');
    expect(await findRole(opened, personas.pending.uid, ORG_B)).toMatchObject({
      role: 'contributor',
    });
  });

  it('finds an organisation by a former short name', async () => {
    const result = await grantOrgRole(opened.db, {
      user: { uid: personas.editor.uid, email: personas.editor.email },
      orgShortName: 'fiscal-old',
      role: 'editor',
    });

    expect(result).toMatchObject({ orgId: ORG_A, orgShortName: 'ifs' });
  });

  it('makes a superadmin, who then cannot be given an org role', async () => {
    const superadmin = personas.superadmin;

    const first = await grantSuperadmin(opened.db, {
      user: { uid: superadmin.uid, email: superadmin.email },
    });
    const again = await grantSuperadmin(opened.db, {
      user: { email: superadmin.email },
    });

    expect(first).toMatchObject({ userCreated: true, changed: true });
    expect(again).toMatchObject({ userId: superadmin.uid, changed: false });
    const rows = await opened.db
      .select()
      .from(superadmins)
      .where(eq(superadmins.userId, superadmin.uid));
    expect(rows).toHaveLength(1);
    const before = await snapshot(opened);
    await expectGrantError(
      grantOrgRole(opened.db, {
        user: { uid: superadmin.uid },
        orgShortName: 'ifs',
        role: 'admin',
      }),
      'superadmin-role',
    );
    expect(await snapshot(opened)).toEqual(before);
  });

  it('refuses an e-mail that belongs to another uid', async () => {
    await expectGrantError(
      grantOrgRole(opened.db, {
        user: {
          uid: '9f000000-0000-4000-8000-000000000009',
          email: admin.email,
        },
        orgShortName: 'ifs',
        role: 'admin',
      }),
      'user-conflict',
    );
  });

  it('reads a UUID argument as a uid and refuses anything else', () => {
    expect(parseUserArgument(admin.uid.toUpperCase())).toEqual({
      uid: admin.uid,
    });
    expect(parseUserArgument(admin.email)).toEqual({ email: admin.email });
    expect(() => parseUserArgument('ada')).toThrow(GrantError);
  });
});

describe('npm run grant', { timeout: 120_000 }, () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir('ryd-grant-cli-');
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const runGrant = (args: string[]) =>
    runScript('scripts/grant.ts', args, dataDir);

  it('refuses with one line while another process holds the data folder', async () => {
    const release = acquirePgliteLock(path.join(dataDir, 'ryd'));
    try {
      const result = await runGrant([admin.email, 'ifs', 'admin']);

      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('is in use by process'),
      ]);
    } finally {
      release();
    }
  });

  it('explains an unknown organisation in one line', async () => {
    const result = await runGrant([admin.uid, 'no-such-org', 'admin']);

    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'There is no organisation with the short name "no-such-org".',
    );
  });
});
