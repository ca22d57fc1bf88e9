import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createPgliteFolder, hasPgliteDatabase } from './create-folder';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pglite-folder-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('createPgliteFolder', () => {
  it('creates a database another process can open, and leaves one that exists alone', async () => {
    const folder = path.join(root, 'db');
    expect(hasPgliteDatabase(folder)).toBe(false);

    await createPgliteFolder(folder);
    const client = await PGlite.create(folder);
    await client.exec('create table kept (note text)');
    await client.query("insert into kept values ('still here')");
    await client.close();
    await createPgliteFolder(folder);
    const reopened = await PGlite.create(folder);
    const rows = await reopened.query<{ note: string }>(
      'select note from kept',
    );
    await reopened.close();

    expect(hasPgliteDatabase(folder)).toBe(true);
    expect(rows.rows).toEqual([{ note: 'still here' }]);
  });

  it('says which folder it could not create', async () => {
    const blocker = path.join(root, 'file');
    await fs.writeFile(blocker, 'not a folder');

    await expect(createPgliteFolder(path.join(blocker, 'db'))).rejects.toThrow(
      /Could not create the database in .*file\/db/,
    );
  });
});
