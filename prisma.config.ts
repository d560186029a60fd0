import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file; migrations run through lib/db/migrate.ts (schema engine as wasm,
// because the CLI's native engine cannot be downloaded offline: STYLE.md B2).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
