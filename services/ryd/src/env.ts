/**
 * The only place the RYD server reads process.env. Defaults make the local
 * stack work with no .env at all.
 */
import path from 'node:path';

import { z } from 'zod';

import { RYD_AUDIENCE } from '@/lib/demo/personas';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  RYD_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  RYD_HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z.string().url().optional(),
  IDENTITY_ISSUER: z.string().url().default('http://localhost:4000'),
  /** oidc-provider publishes its key set at `${issuer}/jwks`. */
  JWKS_URL: z.string().url().optional(),
  RYD_AUDIENCE: z.string().min(1).default(RYD_AUDIENCE),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Base for absolute pagination links, e.g. https://ryd.example.org. */
  RYD_PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: booleanFlag.default(true),
  /** Where "new organisation needs approval" messages go. */
  RYD_SUPPORT_EMAIL: z.string().email().default('support@iati.example'),
});

export type RydEnv = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  issuer: string;
  jwksUrl: string;
  audience: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  publicUrl: string | undefined;
  seed: boolean;
  supportEmail: string;
};

export function readEnv(source: NodeJS.ProcessEnv = process.env): RydEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid RYD configuration: ${problems}`);
  }
  const env = parsed.data;
  const issuer = env.IDENTITY_ISSUER.replace(/\/$/, '');

  return {
    port: env.RYD_PORT,
    host: env.RYD_HOST,
    dataDir: path.join(env.DATA_DIR, 'ryd'),
    databaseUrl: env.DATABASE_URL,
    issuer,
    jwksUrl: env.JWKS_URL ?? `${issuer}/jwks`,
    audience: env.RYD_AUDIENCE,
    logLevel: env.LOG_LEVEL,
    publicUrl: env.RYD_PUBLIC_URL?.replace(/\/$/, ''),
    seed: env.SEED_DEMO,
    supportEmail: env.RYD_SUPPORT_EMAIL,
  };
}
