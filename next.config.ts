import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite's wasm and data files break when bundled (STYLE.md B1); only scripts import it, but keep it external.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
