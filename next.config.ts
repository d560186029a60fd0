import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite's wasm and data files break when bundled (STYLE.md B1); only scripts import it, but keep it external.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  typedRoutes: false,
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
