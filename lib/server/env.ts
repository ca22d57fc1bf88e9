import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { demoClients } from '@/lib/demo/personas';

/**
 * The web app's settings: the only module of the web process that reads
 * `process.env`. Defaults run the local stack with no `.env` at all.
 */
const DEV_SECRET = 'local-development-secret-change-me-in-production-0000';

const seconds = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development'),
  /** The URL people reach the web app by. */
  APP_URL: z.url().default('http://localhost:3000'),
  /** Must equal the identity service's `issuer`. */
  IDENTITY_ISSUER: z.url().default('http://localhost:4000'),
  IDENTITY_WEB_CLIENT_ID: z.string().min(1).default(demoClients.web.clientId),
  IDENTITY_WEB_CLIENT_SECRET: z
    .string()
    .min(1)
    .default(demoClients.web.clientSecret),
  IDENTITY_TOOL_CLIENT_ID: z.string().min(1).default(demoClients.tool.clientId),
  IDENTITY_TOOL_CLIENT_SECRET: z
    .string()
    .min(1)
    .default(demoClients.tool.clientSecret),
  RYD_BASE_URL: z.url().default('http://localhost:4100/api/v1'),
  /** Encrypts the session cookie (which holds only a session id). */
  NEXTAUTH_SECRET: z.string().min(32).default(DEV_SECRET),
  DATA_DIR: z.string().min(1).default('.data'),
  /** PostgreSQL for the web store; PGlite under DATA_DIR/web when unset. */
  DATABASE_URL: z.string().min(1).optional(),
  /** A session unused this long ends (seconds). */
  SESSION_IDLE_TIMEOUT: seconds(30 * 60),
  /** No session lasts longer than this, used or not (seconds). */
  SESSION_ABSOLUTE_LIFETIME: seconds(8 * 60 * 60),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

export type WebEnv = z.infer<typeof envSchema> & {
  /** DATA_DIR made absolute. */
  dataDir: string;
  appOrigin: string;
  usesDevSecret: boolean;
};

function readEnv(): WebEnv {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.'));
    throw new Error(`Invalid web app settings: ${fields.join(', ')}`);
  }
  const values = parsed.data;
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL ??= values.APP_URL;

  return {
    ...values,
    APP_URL: values.APP_URL.replace(/\/+$/, ''),
    IDENTITY_ISSUER: values.IDENTITY_ISSUER.replace(/\/+$/, ''),
    dataDir: path.resolve(values.DATA_DIR),
    appOrigin: new URL(values.APP_URL).origin,
    usesDevSecret: values.NEXTAUTH_SECRET === DEV_SECRET,
  };
}

export const env: WebEnv = readEnv();
