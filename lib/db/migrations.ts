import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { openSchemaEngine } from './schema-engine';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The migrations folder in the shape the schema engine reads (Prisma's own layout). */
async function migrationsList() {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(MIGRATIONS_DIR, name, 'migration.sql');
      return { path: name, migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: await readFile(file, 'utf8') } } };
    }),
  );
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return { baseDir: MIGRATIONS_DIR, lockfile: { path: lockPath, content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

async function withEngine<T>(connectionString: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const engine = await openSchemaEngine(connectionString, SCHEMA_PATH);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Apply pending migrations (recorded in `_prisma_migrations`, so `prisma migrate deploy` can take over later). */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: await migrationsList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that would take the migrations folder to `schema.prisma` (empty when they agree).
 * Replays the migrations in a shadow database, so it needs a server that allows CREATE DATABASE.
 */
export async function diffMigrationsToSchema(connectionString: string): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const schemaText = await readFile(SCHEMA_PATH, 'utf8');
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await migrationsList()) },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? '').trim();
  });
}
