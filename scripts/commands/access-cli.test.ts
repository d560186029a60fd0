import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveApiToken } from '@/lib/data/api-tokens';
import { getUserForLogin } from '@/lib/data/users';
import { disconnectDb } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';

afterAll(disconnectDb);

function tasklens(args: string[], input = '') {
  return spawnSync(process.execPath, ['bin/tasklens.mjs', ...args], { input, encoding: 'utf8', env: { ...process.env }, timeout: 60_000 });
}

describe('tasklens user add / token create', () => {
  it('adds a user with the password read from stdin', async () => {
    const email = `cli-${Date.now()}@example.test`;
    const r = tasklens(['user', 'add', '--email', email, '--role', 'manager'], 'a password from stdin\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const user = await getUserForLogin(email);
    expect(user?.role).toBe('manager');
    expect(await verifyPassword('a password from stdin', user!.passwordHash)).toBe(true);
    expect(tasklens(['user', 'add', '--email', email, '--role', 'manager'], 'a password from stdin\n').status).toBe(1);
    expect(tasklens(['user', 'add', '--email', email, '--role', 'root'], 'x').status).toBe(2);
  }, 120_000);

  it('prints a new token once, alone on stdout, that then authenticates', async () => {
    const r = tasklens(['token', 'create', '--name', `cli-${Date.now()}`, '--scope', 'read', '--expires', '30d']);
    expect(r.status).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^tl_[\w-]{43}$/);
    expect(await resolveApiToken(token)).toMatchObject({ scope: 'read' });
    expect(tasklens(['token', 'create', '--name', 'x', '--scope', 'admin']).status).toBe(2);
  }, 120_000);
});
