import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Next.js swaps this guard for an empty module on the server; tests run there too.
      'server-only': fileURLToPath(
        new URL('./tests/support/empty-module.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['{lib,services,tests,scripts,app,components}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'e2e', '.next*'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
