import { readEnv } from './env';
import { start } from './server';

async function main(): Promise<void> {
  const env = readEnv();
  const identity = await start({
    port: env.IDENTITY_PORT,
    issuer: env.IDENTITY_ISSUER,
    appUrl: env.APP_URL,
    dataDir: env.DATA_DIR,
    adminToken: env.IDENTITY_ADMIN_TOKEN,
    logLevel: env.LOG_LEVEL,
    ttl: {
      accessToken: env.IDENTITY_ACCESS_TOKEN_TTL,
      idToken: env.IDENTITY_ID_TOKEN_TTL,
      refreshToken: env.IDENTITY_REFRESH_TOKEN_TTL,
      session: env.IDENTITY_SESSION_TTL,
    },
  });
  const stop = () => {
    identity.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `identity: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
