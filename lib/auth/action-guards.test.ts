import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_POLICY } from './route-policy';

// Every protected Server Action must call requireUser with its declared role before it parses or touches
// anything: the stub records the role and stops the action right there.
const calls: string[] = [];
class Stopped extends Error {}
vi.mock('@/lib/auth/require-user', () => ({
  requireUser: vi.fn(async (minRole: string = 'viewer') => {
    calls.push(minRole);
    throw new Stopped(minRole);
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

beforeEach(() => {
  calls.length = 0;
});

describe('Server Actions check the session first', () => {
  it.each(Object.entries(ACTION_POLICY).filter(([, access]) => access !== 'public'))('%s requires %s', async (key, access) => {
    const [file, name] = key.split('#');
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(typeof mod[name]).toBe('function');
    await expect(mod[name](null, new FormData())).rejects.toBeInstanceOf(Stopped);
    expect(calls).toEqual([access]);
  });
});
