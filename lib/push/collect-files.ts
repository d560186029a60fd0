import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface LocalFile {
  path: string;
  /** The name sent to the server: relative to the folder given, so host folders (`WS0142/autoruns.csv`) name hosts. */
  name: string;
  size: number;
}

/**
 * The files to push, in a stable order: each argument is a file, or a folder walked recursively. Folder-relative
 * names keep the layout the server reads host names and collection times from (PRODUCT.md §2). Dot files are
 * skipped (editor and OS droppings), symbolic links are not followed.
 */
export async function collectFiles(args: string[]): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  for (const arg of args) {
    const info = await stat(arg);
    if (info.isFile()) out.push({ path: arg, name: path.basename(arg), size: info.size });
    else if (info.isDirectory()) await walk(arg, path.basename(path.resolve(arg)), out);
  }
  return out;
}

async function walk(dir: string, prefix: string, out: LocalFile[]) {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const name = `${prefix}/${e.name}`;
    if (e.isDirectory()) await walk(full, name, out);
    else if (e.isFile()) out.push({ path: full, name, size: (await stat(full)).size });
  }
}

/** Group files into requests of at most `maxFiles` parts and `maxBytes` (a bigger file goes alone). */
export function batchFiles(files: LocalFile[], maxFiles: number, maxBytes: number): LocalFile[][] {
  const batches: LocalFile[][] = [];
  let current: LocalFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length && (current.length >= maxFiles || bytes + f.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length) batches.push(current);
  return batches;
}
