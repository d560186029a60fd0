import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Pages, route handlers (with their exported methods) and Server Actions found under app/, for the matrix tests. */
export interface RouteTree {
  pages: string[];
  handlers: Record<string, string[]>;
  actions: string[];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** app/(group)/admin/users/page.tsx → /admin/users; private folders (_x) are not routes. */
function urlOf(relDir: string): string {
  const segments = relDir.split(path.sep).filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s));
  return '/' + segments.join('/');
}

export function readRouteTree(root = process.cwd()): RouteTree {
  const app = path.join(root, 'app');
  const files = walk(app).filter((f) => !f.split(path.sep).some((s) => s.startsWith('_')));
  const tree: RouteTree = { pages: [], handlers: {}, actions: [] };
  for (const file of files) {
    const rel = path.relative(app, file);
    const base = path.basename(file);
    const source = readFileSync(file, 'utf8');
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) tree.pages.push(urlOf(path.dirname(rel)));
    if (/^route\.(ts|js)$/.test(base)) {
      const exported = METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function\\s+${m}\\b|const\\s+${m}\\b)`).test(source));
      tree.handlers[urlOf(path.dirname(rel))] = exported;
    }
    if (/^actions\.(ts|js)$/.test(base) || /^\s*['"]use server['"]/.test(source)) {
      const names = [...source.matchAll(/export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/g)].map((m) => m[1] ?? m[2]);
      for (const n of names) tree.actions.push(`${path.relative(root, file).split(path.sep).join('/')}#${n}`);
    }
  }
  tree.pages.sort();
  tree.actions.sort();
  return tree;
}
