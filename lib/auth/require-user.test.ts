import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from './principal';

const state: { user: Extract<Principal, { kind: 'user' }> | null; users: number } = { user: null, users: 1 };
vi.mock('./session', () => ({ getCurrentUser: async () => state.user }));
vi.mock('@/lib/data/users', () => ({ countUsers: async () => state.users }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { requireUser } = await import('./require-user');

function digestOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'allowed',
    (err: { digest?: string }) => err.digest ?? String(err),
  );
}

const as = (role: 'viewer' | 'analyst' | 'manager' | 'admin') => ({ kind: 'user' as const, userId: 1, email: 'u@x', name: null, role, sessionId: 1 });

beforeEach(() => {
  state.user = null;
  state.users = 1;
});

describe('requireUser', () => {
  it('sends anonymous visitors to /setup while no user exists, else to /login', async () => {
    state.users = 0;
    expect(await digestOf(requireUser('viewer'))).toMatch(/^NEXT_REDIRECT;replace;\/setup;/);
    state.users = 3;
    expect(await digestOf(requireUser('viewer'))).toMatch(/^NEXT_REDIRECT;replace;\/login;/);
  });

  it('answers 403 below the role and lets equal or higher roles through', async () => {
    const roles = ['viewer', 'analyst', 'manager', 'admin'] as const;
    for (const [i, role] of roles.entries()) {
      state.user = as(role);
      for (const [j, min] of roles.entries()) {
        expect(await digestOf(requireUser(min)), `${role} on a ${min} page`).toBe(i >= j ? 'allowed' : 'NEXT_HTTP_ERROR_FALLBACK;403');
      }
    }
  });
});
