import { parseArgs } from 'node:util';
import { z } from 'zod';
import { disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { createUser } from '../../lib/data/users';
import { isRole } from '../../lib/auth/roles';
import { addUserSchema } from '../../lib/validation/auth';
import { openDatabase } from './database';

const USAGE = 'usage: tasklens user add --email E --role viewer|analyst|manager|admin [--name N]   (password on stdin)';

/** The password comes from stdin (never argv, which other users can read in the process list). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `tasklens user add`: create a local account from the shell (also the way to a first admin without the browser). */
export async function runUser(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  if (positionals[0] !== 'add' || !values.email || !isRole(values.role)) {
    console.error(USAGE);
    return 2;
  }
  const parsed = addUserSchema.safeParse({ email: values.email, role: values.role, name: values.name, password: await readPassword() });
  if (!parsed.success) {
    console.error(Object.entries(z.flattenError(parsed.error).fieldErrors).map(([k, v]) => `${k}: ${(v as string[]).join(', ')}`).join('\n'));
    return 2;
  }
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    await createUser({ kind: 'system', name: 'cli' }, { ...parsed.data, name: parsed.data.name || null });
    console.log(`added ${parsed.data.email} (${parsed.data.role})`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
