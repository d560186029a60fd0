import { parseArgs } from 'node:util';
import { disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { createApiToken } from '../../lib/data/api-tokens';
import { createTokenSchema } from '../../lib/validation/auth';
import { openDatabase } from './database';

const USAGE = 'usage: tasklens token create --name N --scope ingest|read [--expires 30d]';

/** `tasklens token create`: prints the new token once, on stdout alone, so scripts can capture it. */
export async function runToken(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, scope: { type: 'string' }, expires: { type: 'string' } } });
  const parsed = createTokenSchema.safeParse({ name: values.name, scope: values.scope, expires: values.expires });
  if (positionals[0] !== 'create' || !parsed.success) {
    console.error(USAGE);
    return 2;
  }
  if (parsed.data.scope === 'triage') {
    console.error('a triage token acts as the admin who creates it: create it on the API tokens page (/admin/tokens)');
    return 2;
  }
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    const expiresAt = parsed.data.expires ? new Date(Date.now() + parsed.data.expires) : null;
    const { token } = await createApiToken({ kind: 'system', name: 'cli' }, { name: parsed.data.name, scope: parsed.data.scope, expiresAt });
    console.log(token);
    console.error(`token "${parsed.data.name}" (${parsed.data.scope}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ', no expiry'}); it is not shown again`);
    return 0;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
