import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config lib/server/db/drizzle.config.ts` */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/server/db/schema.ts',
  out: './lib/server/db/migrations',
});
