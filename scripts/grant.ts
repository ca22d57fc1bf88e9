/**
 * `npm run grant -- <user email or uid> <org short name> <role>` gives a user
 * a role (admin, editor or contributor) on an organisation;
 * `npm run grant -- --superadmin <user email or uid>` makes a superadmin.
 * A missing user is created: `--name` sets its name, `--uid` / `--email` the
 * part the first argument did not give. Refuses, with one line, while another
 * process holds the PGlite folder.
 */
import { parseArgs } from 'node:util';

import { DataFolderLockedError, openDb } from '@/services/ryd/src/db/client';
import { readEnv } from '@/services/ryd/src/env';
import {
  GrantError,
  grantOrgRole,
  grantSuperadmin,
  parseUserArgument,
  type UserRef,
} from '@/services/ryd/src/import/grant';

const USAGE = [
  'Usage: npm run grant -- <user email or uid> <org short name> <admin|editor|contributor> [--name <name>] [--uid <uid>] [--email <email>]',
  '       npm run grant -- --superadmin <user email or uid> [--name <name>] [--uid <uid>] [--email <email>]',
].join('\n');

class UsageError extends Error {}

type Command =
  | { kind: 'role'; user: UserRef; orgShortName: string; role: string }
  | { kind: 'superadmin'; user: UserRef };

function parseCommand(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        superadmin: { type: 'string' },
        name: { type: 'string' },
        uid: { type: 'string' },
        email: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const withExtras = (user: UserRef): UserRef => {
    const extraUid = values.uid ? parseUserArgument(values.uid).uid : undefined;
    if (values.uid && !extraUid) {
      throw new GrantError('bad-user', `--uid ${values.uid} is not a UUID.`);
    }

    return {
      uid: user.uid ?? extraUid,
      email: user.email ?? values.email,
      name: values.name,
    };
  };

  if (values.superadmin !== undefined) {
    if (positionals.length > 0) throw new UsageError('Too many arguments.');
    return {
      kind: 'superadmin',
      user: withExtras(parseUserArgument(values.superadmin)),
    };
  }
  const [user, orgShortName, role, ...rest] = positionals;
  if (!user || !orgShortName || !role || rest.length > 0) {
    throw new UsageError('Give a user, an organisation short name and a role.');
  }

  return {
    kind: 'role',
    user: withExtras(parseUserArgument(user)),
    orgShortName,
    role,
  };
}

async function main(args: string[]): Promise<string> {
  const command = parseCommand(args);
  const env = readEnv();
  const opened = await openDb({
    dataDir: env.dataDir,
    databaseUrl: env.databaseUrl,
  });
  try {
    if (command.kind === 'superadmin') {
      const result = await grantSuperadmin(opened.db, command);
      const created = result.userCreated ? ' (new user)' : '';

      return result.changed
        ? `User ${result.userId}${created} is now a superadmin.`
        : `User ${result.userId} already is a superadmin; nothing changed.`;
    }

    const result = await grantOrgRole(opened.db, command);
    const created = result.userCreated ? ' (new user)' : '';
    if (!result.changed) {
      return `User ${result.userId} already is ${result.role} of ${result.orgShortName}; nothing changed.`;
    }
    const was = result.previousRole ? ` (was ${result.previousRole})` : '';

    return `User ${result.userId}${created} is now ${result.role} of ${result.orgShortName}${was}.`;
  } finally {
    await opened.close();
  }
}

main(process.argv.slice(2)).then(
  (message) => {
    process.stdout.write(`${message}\n`);
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    const isExpected =
      error instanceof GrantError || error instanceof DataFolderLockedError;
    process.stderr.write(
      `${isExpected ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
    );
    process.exitCode = 1;
  },
);
