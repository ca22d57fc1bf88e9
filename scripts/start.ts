/**
 * `npm start`: builds the web app when its sources changed, starts identity,
 * RYD and the web app with demo data, and prints where to sign in. Ctrl-C
 * stops all three.
 */
import path from 'node:path';

import { personaList } from '@/lib/demo/personas';

import { getChildEnv, readLauncherEnv } from './lib/env';
import { ensureNextBuild } from './lib/next-build';
import { assertPortsFree } from './lib/ports';
import { startStack, type Stack, type StackUrls } from './stack';

async function main(): Promise<void> {
  const env = readLauncherEnv();
  const cwd = process.cwd();
  const color = process.stdout.isTTY && !env.NO_COLOR;
  const ports = {
    web: env.PORT,
    identity: env.IDENTITY_PORT,
    ryd: env.RYD_PORT,
  };

  // Fail on a taken port before a build of a minute or more, not after it.
  await assertPortsFree([
    { port: ports.web, setting: 'PORT' },
    { port: ports.identity, setting: 'IDENTITY_PORT' },
    { port: ports.ryd, setting: 'RYD_PORT' },
  ]);

  const build = await ensureNextBuild({
    cwd,
    distDir: env.NEXT_DIST_DIR,
    output: process.stdout,
    env: getChildEnv(),
    color,
  });
  console.log(
    build.built
      ? `Built the web app in ${seconds(build.durationMs)}.`
      : `The web app build in ${env.NEXT_DIST_DIR} is up to date.`,
  );

  const stack = await startStack({
    cwd,
    ports,
    urls: {
      app: env.APP_URL,
      identity: env.IDENTITY_ISSUER,
      ryd: env.RYD_BASE_URL,
    },
    dataDir: env.DATA_DIR,
    distDir: env.NEXT_DIST_DIR,
    output: process.stdout,
    color,
  });
  stopOnSignals(stack);
  console.log(describeStack(stack.urls, path.resolve(cwd, env.DATA_DIR)));

  const { name, exit } = await stack.unexpectedExit;
  // After Ctrl-C the servers exit on purpose; the signal handler reports it.
  if (stopping) return;
  console.error(
    `${name} stopped (${exit.signal ?? `exit code ${exit.code}`}); stopping the others.`,
  );
  await stack.close();
  process.exit(1);
}

let stopping = false;

function stopOnSignals(stack: Stack): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error('Stopping at once.');
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping identity, RYD and the web app...`);
    void stack.close().then(() => {
      console.log('Stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function describeStack(urls: StackUrls, dataDir: string): string {
  const rows = personaList.map((persona) => [
    persona.name,
    persona.email,
    persona.password,
    persona.summary,
  ]);
  const header = ['Name', 'Email', 'Password', 'For'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();

  return [
    '',
    `Open ${urls.app} and sign in with one of the demo accounts:`,
    '',
    `  ${line(header)}`,
    ...rows.map((row) => `  ${line(row)}`),
    '',
    `Identity service: ${urls.identity}`,
    `RYD API:          ${urls.ryd}`,
    `Data folder:      ${dataDir} (kept between runs)`,
    'Press Ctrl-C to stop all three.',
    '',
  ].join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(0)} s`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
