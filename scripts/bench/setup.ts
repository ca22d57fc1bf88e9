import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';

import { asc, isNull } from 'drizzle-orm';

import { personas } from '@/lib/demo/personas';
import { openDb } from '@/services/ryd/src/db/client';
import { reportingOrgs } from '@/services/ryd/src/db/schema';
import { grantOrgRole, grantSuperadmin } from '@/services/ryd/src/import/grant';

import { getChildEnv } from '../lib/env';
import { runLogged } from '../lib/run-logged';

export const REGISTRY_EXPORT_DIR = path.resolve('../shared/data/ckan');
/** The organisation with the most datasets in the export (about 1,600). */
export const LARGE_ORG = 'theglobalfund';

export type PreparedData = {
  dataDir: string;
  importSeconds: number;
  /** Short names of the organisations the join-and-role loop walks through. */
  joinOrgs: string[];
};

/**
 * A fresh data folder with the real Registry export loaded by the import
 * command, plus the roles the benchmark needs: the superadmin, the demo
 * admin as admin of the largest organisation, and the demo contributor in
 * `joinOrgCount` organisations, so that removing a joiner there never hits
 * the "last user of the organisation" rule.
 */
export async function prepareData(options: {
  joinOrgCount: number;
  log: Writable;
}): Promise<PreparedData> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'iati-bench-'));
  const env = getChildEnv({ DATA_DIR: dataDir });
  // The import goes into the fresh folder, never into a configured database.
  delete env.DATABASE_URL;
  const started = performance.now();
  await runLogged({
    command: 'npm',
    args: ['run', 'import', '--', REGISTRY_EXPORT_DIR],
    env,
    log: options.log,
  });
  const importSeconds = (performance.now() - started) / 1000;

  const opened = await openDb({ dataDir: path.join(dataDir, 'ryd') });
  try {
    const { superadmin, admin, contributor } = personas;
    await grantSuperadmin(opened.db, {
      user: {
        uid: superadmin.uid,
        email: superadmin.email,
        name: superadmin.name,
      },
    });
    await grantOrgRole(opened.db, {
      user: { uid: admin.uid, email: admin.email, name: admin.name },
      orgShortName: LARGE_ORG,
      role: 'admin',
    });
    // Small organisations from the middle of the alphabet: any will do.
    const orgs = await opened.db
      .select({ shortName: reportingOrgs.shortName })
      .from(reportingOrgs)
      .where(isNull(reportingOrgs.deletedAt))
      .orderBy(asc(reportingOrgs.shortName))
      .limit(options.joinOrgCount)
      .offset(500);
    for (const org of orgs) {
      await grantOrgRole(opened.db, {
        user: {
          uid: contributor.uid,
          email: contributor.email,
          name: contributor.name,
        },
        orgShortName: org.shortName,
        role: 'contributor',
      });
    }

    return {
      dataDir,
      importSeconds,
      joinOrgs: orgs.map((org) => org.shortName),
    };
  } finally {
    await opened.close();
  }
}
