import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A separate build folder lets a benchmark or test build sit beside a dev server.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  experimental: {
    // The proxy buffers request bodies (10 MB by default) before a route
    // reads them. Just above the BFF's own 64 KiB cap: a longer body arrives
    // cut at this size, still over the cap, and the route answers 413.
    proxyClientMaxBodySize: '65kb',
  },
  // The content security policy carries a per-request nonce: proxy.ts sets it.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          {
            key: 'Strict-Transport-Security',
            value: 'max-age=63072000; includeSubDomains',
          },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
