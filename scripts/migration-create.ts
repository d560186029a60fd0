// npm run db:migration -- <name>: write prisma/migrations/<timestamp>_<name>/migration.sql from schema.prisma
// with Prisma's schema engine (the diff between the existing migrations and the schema), like `prisma migrate dev`.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffMigrationsToSchema, MIGRATIONS_DIR } from '../lib/db/migrations';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const sql = await diffMigrationsToSchema(url);
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log('schema.prisma and prisma/migrations agree; nothing to write');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql + '\n');
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
