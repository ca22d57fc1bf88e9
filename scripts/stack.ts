import path from 'node:path';
import type { Writable } from 'node:stream';

import { spawnService, type ExitInfo, type ServiceProcess } from './lib/child';
import { getChildEnv } from './lib/env';
import { nextBin } from './lib/next-build';
import { assertPortsFree } from './lib/ports';
import { waitForHttp } from './lib/wait';

export type StackOptions = {
  /** The project folder. */
  cwd: string;
  ports: { web: number; identity: number; ryd: number };
  /** Public URLs, when not http://localhost:<port> (a proxy in front). */
  urls?: Partial<StackUrls>;
  /** Root of the data folders (made absolute for the servers). */
  dataDir: string;
  /** Next.js build folder to serve, relative to cwd. */
  distDir: string;
  /** Settings passed to all three servers on top of the computed ones. */
  env?: Record<string, string>;
  /**
   * Keep the data in dataDir even when DATABASE_URL is set in this shell, so
   * that test stacks never touch a configured database.
   */
  isolated?: boolean;
  output: Writable;
  color?: boolean;
  readyTimeoutMs?: number;
};

export type StackUrls = {
  /** The web app, as users reach it (APP_URL). */
  app: string;
  /** The identity service's issuer (IDENTITY_ISSUER). */
  identity: string;
  /** The RYD API base, ending in /api/v1 (RYD_BASE_URL). */
  ryd: string;
};

export type Stack = {
  urls: StackUrls;
  /** The settings every server was started with. */
  env: NodeJS.ProcessEnv;
  services: ServiceProcess[];
  /** Settles when any server exits on its own, naming it. */
  unexpectedExit: Promise<{ name: string; exit: ExitInfo }>;
  /** Stops the web app first, then the services; safe to call twice. */
  close: () => Promise<void>;
};

/** Where each server listens on this machine. */
export function getLocalUrls(ports: StackOptions['ports']): StackUrls {
  return {
    app: `http://localhost:${ports.web}`,
    identity: `http://localhost:${ports.identity}`,
    ryd: `http://localhost:${ports.ryd}/api/v1`,
  };
}

/**
 * Starts identity, RYD and the web app as child processes with one set of
 * settings, and resolves once each one answers over HTTP. The web app must be
 * built already (see ensureNextBuild).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  await assertPortsFree([
    { port: options.ports.web, setting: 'PORT' },
    { port: options.ports.identity, setting: 'IDENTITY_PORT' },
    { port: options.ports.ryd, setting: 'RYD_PORT' },
  ]);

  const local = getLocalUrls(options.ports);
  const urls: StackUrls = {
    app: options.urls?.app ?? local.app,
    identity: options.urls?.identity ?? local.identity,
    ryd: options.urls?.ryd ?? local.ryd,
  };
  const env = getChildEnv({
    ...options.env,
    PORT: String(options.ports.web),
    IDENTITY_PORT: String(options.ports.identity),
    RYD_PORT: String(options.ports.ryd),
    APP_URL: urls.app,
    IDENTITY_ISSUER: urls.identity,
    RYD_BASE_URL: urls.ryd,
    DATA_DIR: path.resolve(options.cwd, options.dataDir),
    NEXT_DIST_DIR: options.distDir,
  });
  if (options.isolated) delete env.DATABASE_URL;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const services: ServiceProcess[] = [];
  const common = {
    cwd: options.cwd,
    env,
    output: options.output,
    color: options.color,
    prefixWidth: 8,
  };
  const close = createCloser(services);

  try {
    const identity = spawnService({
      ...common,
      name: 'identity',
      command: process.execPath,
      args: ['--import', 'tsx', 'services/identity/src/main.ts'],
    });
    services.push(identity);
    const ryd = spawnService({
      ...common,
      name: 'ryd',
      command: process.execPath,
      args: ['--import', 'tsx', 'services/ryd/src/main.ts'],
    });
    services.push(ryd);
    await Promise.all([
      waitForHttp({
        name: 'identity',
        url: `${local.identity}/.well-known/openid-configuration`,
        isReady: (response) => response.status === 200,
        timeoutMs: readyTimeoutMs,
        abort: identity.exited,
      }),
      waitForHttp({
        name: 'ryd',
        // The licence list needs no token and reads the database.
        url: `${local.ryd}/licences`,
        isReady: (response) => response.status === 200,
        timeoutMs: readyTimeoutMs,
        abort: ryd.exited,
      }),
    ]);

    const web = spawnService({
      ...common,
      name: 'web',
      command: process.execPath,
      args: [
        nextBin(options.cwd),
        'start',
        '--port',
        String(options.ports.web),
      ],
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    services.push(web);
    await waitForHttp({
      name: 'web',
      url: local.app,
      timeoutMs: readyTimeoutMs,
      abort: web.exited,
    });
  } catch (error) {
    await close();
    throw error;
  }

  const unexpectedExit = Promise.race(
    services.map((service) =>
      service.exited.then((exit) => ({ name: service.name, exit })),
    ),
  );

  return { urls, env, services, unexpectedExit, close };
}

function createCloser(services: ServiceProcess[]): () => Promise<void> {
  let closing: Promise<void> | undefined;

  return () => {
    closing ??= (async () => {
      // The web app goes first so that it sends no requests to a stopped
      // service while it shuts down.
      for (const service of [...services].reverse()) await service.stop();
    })();

    return closing;
  };
}
