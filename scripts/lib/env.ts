import { existsSync } from 'node:fs';

import { z } from 'zod';

/**
 * The launcher's own settings (`npm start`, `npm test`). This is the only
 * module of those processes that reads `process.env`; the servers read theirs
 * in their own env modules, and the launcher hands them one consistent set.
 */
const port = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);

const envSchema = z.object({
  PORT: port(3000),
  IDENTITY_PORT: port(4000),
  RYD_PORT: port(4100),
  /** Public URLs, when a proxy serves the stack under other addresses. */
  APP_URL: z.url().optional(),
  IDENTITY_ISSUER: z.url().optional(),
  RYD_BASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  NEXT_DIST_DIR: z.string().min(1).default('.next'),
  NO_COLOR: z.string().optional(),
});

export type LauncherEnv = z.infer<typeof envSchema>;

/**
 * Reads `.env` from the project folder first when there is one, without
 * overriding what the shell set; the servers inherit the result.
 */
export function readLauncherEnv(
  source: NodeJS.ProcessEnv = process.env,
): LauncherEnv {
  if (source === process.env && existsSync('.env')) process.loadEnvFile('.env');
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid settings: ${problems}`);
  }

  return parsed.data;
}

/**
 * The environment a launched process inherits: everything this one has (so
 * settings such as DATABASE_URL reach the servers), plus `overrides`.
 */
export function getChildEnv(
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
