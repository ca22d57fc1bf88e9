import { DataFolderLockedError } from './db/client';
import { readEnv } from './env';
import { start } from './start';

async function main() {
  const env = readEnv();
  const server = await start({
    port: env.port,
    host: env.host,
    dataDir: env.dataDir,
    databaseUrl: env.databaseUrl,
    issuer: env.issuer,
    audience: env.audience,
    jwksUrl: env.jwksUrl,
    seed: env.seed,
    logLevel: env.logLevel,
    publicUrl: env.publicUrl,
    supportEmail: env.supportEmail,
  });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DataFolderLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `RYD API failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
