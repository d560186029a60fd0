import { AUTORUNS_HEADER, entryRow, groupRow, keyWriteTime, type AutorunsEntry } from './autoruns-format';
import type { Fleet, HostInfo } from './fleet';
import { hijackedRow, plantedWindowsEntries, type PlantedItem } from './planted';
import { CATEGORY_ORDER, stockEntry, stockSections, type StockGroup } from './windows-stock';
import { DEFENDER_SCAN_TASK, HIJACK_TARGET_TASK } from './windows-stock-extra';
import { WINDOWS_PACKAGES } from './windows-vendor';

/**
 * One Windows host's `autorunsc -nobanner -t -s -h` output for one day, as UTF-16LE bytes. The Microsoft part
 * is pre-encoded per (edition, role group, patch level) and memcpy'd; only group rows, vendor and planted rows
 * are rendered per host, and those are cached while the host's state does not change.
 */

const PKG = new Map(WINDOWS_PACKAGES.map((p) => [p.id, p]));

function stockGroup(h: HostInfo): StockGroup {
  return h.role === 'workstation' ? 'client' : h.role === 'dc' ? 'dc' : 'server';
}

interface Extra {
  profile: string;
  text: string;
}

/** Per-host rendering that only changes with the host's state key (packages, patch level, planted items). */
export interface HostRenderCache {
  key: string;
  extra: Map<string, Extra>;
  swap: Map<string, string>;
}

function vendorRows(h: HostInfo, packages: Map<string, number>, planted: PlantedItem[]): Map<string, Extra> {
  const entries: AutorunsEntry[] = [];
  for (const [id, n] of packages) {
    const pkg = PKG.get(id);
    if (pkg) entries.push(...pkg.entries(h, n));
  }
  for (const p of planted) entries.push(...plantedWindowsEntries(p.group));
  const out = new Map<string, Extra>();
  for (const e of entries) {
    const key = `${e.category}|${e.location}`;
    let x = out.get(key);
    if (!x) out.set(key, (x = { profile: e.profile ?? 'System-wide', text: '' }));
    x.text += `${entryRow(e)}\r\n`;
  }
  return out;
}

/** Stock rows this host replaces (hijack, disabled scan): task name → replacement row. */
function overrides(h: HostInfo, level: number, planted: PlantedItem[]): Map<string, string> {
  const out = new Map<string, string>();
  const group = stockGroup(h);
  for (const p of planted) {
    if (p.group === 'uo-hijack') {
      const e = stockEntry(h.edition!, group, level, HIJACK_TARGET_TASK);
      if (e) out.set(HIJACK_TARGET_TASK, entryRow(hijackedRow(e)));
    } else if (p.group === 'defender-scan-disabled') {
      const e = stockEntry(h.edition!, group, level, DEFENDER_SCAN_TASK);
      if (e) out.set(DEFENDER_SCAN_TASK, entryRow({ ...e, enabled: false }));
    }
  }
  return out;
}

export function renderAutoruns(
  fleet: Fleet,
  h: HostInfo,
  level: number,
  packages: Map<string, number>,
  planted: PlantedItem[],
  cache?: HostRenderCache,
  cacheKey = '',
): Buffer {
  const sections = stockSections(h.edition!, stockGroup(h), level, fleet.stockTarget);
  let rendered = cache && cache.key === cacheKey && cacheKey ? cache : null;
  if (!rendered) {
    rendered = { key: cacheKey, extra: vendorRows(h, packages, planted), swap: planted.length ? overrides(h, level, planted) : new Map() };
    if (cache) Object.assign(cache, rendered);
  }
  const { extra, swap } = rendered;
  const done = new Set<string>();
  const asOf = fleet.options.startDate;
  // Strings are batched and encoded between the pre-encoded stock sections.
  const chunks: (string | Buffer)[] = [];
  let text = `${AUTORUNS_HEADER}\r\n`;
  for (const category of CATEGORY_ORDER) {
    for (const s of sections) {
      if (s.category !== category) continue;
      const key = `${s.category}|${s.location}`;
      text += `${groupRow(keyWriteTime(h.name, s.location, asOf), s.location, s.category)}\r\n`;
      const x = extra.get(key);
      // Root-folder tasks (vendors) precede \Microsoft\... in a real export; registry values follow stock ones.
      if (x && category === 'Tasks') text += x.text;
      if (swap.size && s.names.some((n) => swap.has(n))) {
        s.rows.forEach((row, i) => (text += `${swap.get(s.names[i]!) ?? row}\r\n`));
      } else {
        chunks.push(text, s.bytes);
        text = '';
      }
      if (x && category !== 'Tasks') text += x.text;
      if (x) done.add(key);
    }
    for (const [key, x] of extra) {
      if (done.has(key) || !key.startsWith(`${category}|`)) continue;
      const location = key.slice(category.length + 1);
      text += `${groupRow(keyWriteTime(h.name, location, asOf), location, category, x.profile)}\r\n${x.text}`;
    }
  }
  chunks.push(text);
  let size = 2;
  for (const c of chunks) size += typeof c === 'string' ? c.length * 2 : c.length;
  const out = Buffer.allocUnsafe(size);
  out[0] = 0xff;
  out[1] = 0xfe;
  let off = 2;
  for (const c of chunks) off += typeof c === 'string' ? out.write(c, off, 'utf16le') : c.copy(out, off);
  return out;
}
