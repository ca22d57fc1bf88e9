import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A separate build folder lets a benchmark or test build sit beside a dev server.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
};

export default nextConfig;
