import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './services/ryd/src/db/schema.ts',
  out: './services/ryd/drizzle',
});
