import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { countUsers } from '@/lib/data/users';
import type { Principal } from './principal';
import { hasRole } from './roles';
import { PAGE_POLICY, type Access } from './route-policy';

/** Request header proxy.ts sets to the requested path (overwriting any the client sent). */
export const PATH_HEADER = 'x-tasklens-path';

const PATTERNS = Object.entries(PAGE_POLICY).map(([route, access]) => ({
  access,
  regex: new RegExp(`^${route.replace(/\[\.\.\.[^\]]+\]/g, '.+').replace(/\[[^\]]+\]/g, '[^/]+')}/?$`),
}));

export function pageAccessFor(pathname: string): Access | null {
  return PATTERNS.find((p) => p.regex.test(pathname))?.access ?? null;
}

/**
 * The same check as each page's requireUser, made in the root layout so that it happens before app/loading.tsx
 * starts streaming: a direct load then answers a real 307 or 403 instead of a 200 with the verdict streamed in.
 * Pages keep their own requireUser, which also covers client-side navigations (the root layout does not re-render).
 */
export async function guardPageRequest(user: Extract<Principal, { kind: 'user' }> | null): Promise<void> {
  const h = await headers();
  const path = h.get(PATH_HEADER);
  const access = path ? pageAccessFor(path.split('?')[0]) : null;
  if (!path || !access || access === 'public') return;
  if (!user) {
    if ((await countUsers()) === 0) redirect('/setup');
    redirect(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
  }
  if (!hasRole(user.role, access)) forbidden();
}
