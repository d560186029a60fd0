import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_POLICY, HANDLER_POLICY, PAGE_POLICY } from './route-policy';
import { readRouteTree } from './route-tree';

const tree = readRouteTree();

function pageFile(url: string): string {
  return path.join('app', url, 'page.tsx');
}

describe('route policy covers the route tree', () => {
  it('has an entry for every page, and no entry for a page that does not exist', () => {
    expect(tree.pages.length).toBeGreaterThan(5);
    expect(tree.pages.filter((p) => !(p in PAGE_POLICY)), 'pages missing from lib/auth/route-policy.ts').toEqual([]);
    expect(Object.keys(PAGE_POLICY).filter((p) => !tree.pages.includes(p)), 'stale page entries').toEqual([]);
  });

  it('has an entry for every exported method of every route handler', () => {
    const found = Object.entries(tree.handlers).flatMap(([url, methods]) => methods.map((m) => `${m} ${url}`));
    const declared = Object.entries(HANDLER_POLICY).flatMap(([url, methods]) => Object.keys(methods).map((m) => `${m} ${url}`));
    expect(found.filter((r) => !declared.includes(r)), 'handlers missing from lib/auth/route-policy.ts').toEqual([]);
    expect(declared.filter((r) => !found.includes(r)), 'stale handler entries').toEqual([]);
  });

  it('has an entry for every exported Server Action', () => {
    expect(tree.actions.filter((a) => !(a in ACTION_POLICY)), 'actions missing from lib/auth/route-policy.ts').toEqual([]);
    expect(Object.keys(ACTION_POLICY).filter((a) => !tree.actions.includes(a)), 'stale action entries').toEqual([]);
  });
});

describe('each page and handler checks the declared role on the server', () => {
  it.each(Object.entries(PAGE_POLICY).filter(([, access]) => access !== 'public'))('page %s calls requireUser(%j)', (url, access) => {
    const source = readFileSync(pageFile(url === '/' ? '' : url), 'utf8');
    const calls = [...source.matchAll(/requireUser\('(\w+)'\)/g)].map((m) => m[1]);
    expect(calls[0]).toBe(access);
  });

  it.each(Object.entries(HANDLER_POLICY).flatMap(([url, methods]) => Object.entries(methods).map(([m, a]) => [url, m, a] as const)))(
    'handler %s %s authenticates with its declared policy',
    (url, _method, access) => {
      const source = readFileSync(path.join('app', url, 'route.ts'), 'utf8');
      if (access.minRole === 'public') {
        expect(source).not.toMatch(/authenticateRequest/);
        return;
      }
      const scopes = access.scopes.map((s) => `'${s}'`).join(', ');
      const policy = `{ minRole: '${access.minRole}', scopes: [${scopes}] }`;
      // Directly, or through csvRoute (lib/http/csv-route.ts), which authenticates with the policy it is given.
      const checks = source.includes(`authenticateRequest(request, ${policy})`) || (/export const GET = csvRoute\(/.test(source) && source.includes(`policy: ${policy},`));
      expect(checks, `${url} must authenticate with ${policy}`).toBe(true);
    },
  );
});
