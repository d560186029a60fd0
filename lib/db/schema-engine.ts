import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
// @ts-expect-error pg ships no types for its internal Result class
import PgResult from 'pg/lib/result.js';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
let isCharPatched = false;

/**
 * The engine introspects catalogs whose columns have the internal `"char"` type, which @prisma/adapter-pg
 * refuses to map ("Column type 'char' could not be deserialized"). Reporting those columns as text fixes
 * describe/diff. Patched in the migration tooling only; the app's own queries never select `"char"`.
 */
function reportCharColumnsAsText() {
  if (isCharPatched) return;
  isCharPatched = true;
  const proto = (PgResult as unknown as { prototype: { addFields(fields: { dataTypeID: number }[]): void } }).prototype;
  const addFields = proto.addFields;
  proto.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
    return addFields.call(this, fields);
  };
}

/**
 * Explicit connection fields instead of a connection string: the adapter opens shadow databases by overriding
 * `database`, and pg lets a connection string win over that override (the "shadow" would be the real database).
 */
function poolConfig(connectionString: string) {
  const u = new URL(connectionString);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1) || 'postgres'),
    ssl: u.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
  };
}

type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let engineModule: Promise<EngineModule> | null = null;

/** The wasm module binds itself to module-level state, so it is instantiated once per process. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    reportCharColumnsAsText();
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmBytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { './schema_engine_bg.js': bg });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

/**
 * Prisma's schema engine, loaded from its WebAssembly build. The CLI's native engine is a binary download that
 * cannot happen on offline machines (STYLE.md B2); the wasm build is the same engine, shipped on npm.
 */
export async function openSchemaEngine(connectionString: string, schemaPath: string): Promise<SchemaEngine> {
  const bg = await loadEngineModule();
  const schemaText = await readFile(schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ ...poolConfig(connectionString), max: 1, idleTimeoutMillis: 200, allowExitOnIdle: true }));
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, adapter);
}
