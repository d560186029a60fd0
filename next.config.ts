import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite's wasm and data files break when bundled (STYLE.md B1); only scripts import it, but keep it external.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm', 'pg-boss'],
  poweredByHeader: false,
  // Separate build folders let several servers (e2e runs on different ports) build from one work tree.
  distDir: process.env.TASKLENS_DIST_DIR || '.next',
  typedRoutes: false,
  // Types are checked by `npm run typecheck` (part of npm test) against .next/types only: builds into several
  // distDirs (parallel e2e servers) would otherwise see each other's generated route types.
  typescript: { ignoreBuildErrors: true },
  // forbidden() and app/forbidden.tsx answer 403 to a signed-in user below a page's role.
  experimental: { authInterrupts: true },
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
    ];
    return [
      { source: '/:path*', headers: common },
      // Pages get a nonce-based CSP from proxy.ts; API answers are data and never need to run anything.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
