import { z } from 'zod';

/**
 * The identity service's settings. This is the only module of the process
 * that reads `process.env`; the defaults run the local stack with no `.env`.
 */
const envSchema = z.object({
  IDENTITY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Must equal the URL the web app and RYD reach this service by. */
  IDENTITY_ISSUER: z.url().default('http://localhost:4000'),
  APP_URL: z.url().default('http://localhost:3000'),
  DATA_DIR: z.string().min(1).default('.data'),
  IDENTITY_ACCESS_TOKEN_TTL: z.coerce.number().int().positive().default(300),
  IDENTITY_ID_TOKEN_TTL: z.coerce.number().int().positive().default(600),
  IDENTITY_REFRESH_TOKEN_TTL: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 60 * 60),
  IDENTITY_SESSION_TTL: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 60 * 60),
  /** When set, `POST /admin/rotate-keys` with this bearer token rotates keys. */
  IDENTITY_ADMIN_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

export type IdentityEnv = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): IdentityEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.'));
    throw new Error(`Invalid identity settings: ${fields.join(', ')}`);
  }

  return parsed.data;
}
