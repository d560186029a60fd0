import { entryRow, type AutorunsEntry } from './autoruns-format';
import { hash32 } from './prng';
import { STOCK_CATEGORIES, STOCK_LOCATIONS, STOCK_ROWS, STOCK_SIGNERS } from './windows-stock-data';
import {
  APPRAISER_AFTER_WAVE,
  APPRAISER_TASK,
  CLIENT_ONLY_TASK,
  DC_SERVICES,
  EXTRA_TASKS,
  SERVER_TASKS,
  WAVE_NEW_TASK,
  defenderTasks,
} from './windows-stock-extra';

/**
 * The Microsoft part of a Windows host's Autoruns output for one (edition, role group, patch level, size): the
 * same for every host in that group, so rows are rendered once and shared across the fleet.
 */

export type WindowsEdition = 'win10' | 'win11' | 'server2019' | 'server2022';
export type StockGroup = 'client' | 'server' | 'dc';

const BUILD: Record<WindowsEdition, number> = { win10: 19045, win11: 22631, server2019: 17763, server2022: 20348 };
const BASE_UBR: Record<WindowsEdition, number> = { win10: 5011, win11: 4317, server2019: 6532, server2022: 2849 };

/** Output order of categories in a real export (samples/autoruns/limgreg_autorun_export3_t.csv). */
export const CATEGORY_ORDER: readonly string[] = STOCK_CATEGORIES;

export interface Section {
  category: string;
  location: string;
  /** Entry names and rendered rows, index-aligned; `joined` is rows + CRLF for the common no-override path. */
  names: string[];
  rows: string[];
  joined: string;
  /** `joined` as UTF-16LE, encoded once and copied into every file that uses this section unchanged. */
  bytes: Buffer;
}

/** Share of system binaries a monthly cumulative update replaces. */
const WAVE_TOUCH_PERCENT = 35;

/** OS build version of a binary at a patch level: bumped by each wave that touched it. */
function osVersion(edition: WindowsEdition, sampleVersion: string, key: string, patchLevel: number): string {
  const m = /^(\d+)\.0\.19041\.(\d+)$/.exec(sampleVersion);
  if (!m) return sampleVersion;
  let ubr = Number(m[2]);
  for (let wave = 1; wave <= patchLevel; wave++) {
    if (hash32(key, wave) % 100 < WAVE_TOUCH_PERCENT) ubr = BASE_UBR[edition] + 60 * wave + (hash32(key) % 7);
  }
  return `${m[1]}.0.${BUILD[edition]}.${ubr}`;
}

function fromData(edition: WindowsEdition, patchLevel: number): AutorunsEntry[] {
  return STOCK_ROWS.map(([cat, loc, entry, enabled, description, signer, company, imagePath, version, launch]) => ({
    category: STOCK_CATEGORIES[cat]!,
    location: STOCK_LOCATIONS[loc]!,
    entry,
    enabled: enabled === 1,
    description,
    signer: STOCK_SIGNERS[signer]!,
    company,
    imagePath,
    version: osVersion(edition, version, imagePath, patchLevel),
    launch,
  }));
}

function withVersion(e: AutorunsEntry, edition: WindowsEdition, patchLevel: number): AutorunsEntry {
  return e.version ? e : { ...e, version: osVersion(edition, '10.0.19041.1', e.imagePath, patchLevel) };
}

/** All Microsoft entries for a host group at a patch level, before trimming to size. */
function stockEntries(edition: WindowsEdition, group: StockGroup, patchLevel: number): AutorunsEntry[] {
  const server = group !== 'client';
  let all = fromData(edition, patchLevel);
  const extras = [...EXTRA_TASKS, ...(server ? SERVER_TASKS : []), ...(group === 'dc' ? DC_SERVICES : [])];
  if (patchLevel >= 1) extras.push(WAVE_NEW_TASK);
  all.push(...extras.map((e) => withVersion(e, edition, patchLevel)), ...defenderTasks(patchLevel));
  if (server) all = all.filter((e) => e.category !== 'Tasks' || !CLIENT_ONLY_TASK.test(e.entry));
  if (patchLevel >= 1) {
    all = all.map((e) => (e.entry === APPRAISER_TASK ? { ...e, ...APPRAISER_AFTER_WAVE, version: osVersion(edition, '10.0.19041.1', 'appraiser', patchLevel) } : e));
  }
  return all;
}

/**
 * Trim to `target` entries: every task stays (they are the product's subject); other categories are sampled by
 * a stable rank so a smaller target keeps a representative mix rather than only the first category.
 */
function trim(entries: AutorunsEntry[], target: number): AutorunsEntry[] {
  const tasks = entries.filter((e) => e.category === 'Tasks');
  const others = entries.filter((e) => e.category !== 'Tasks');
  const rank = (e: AutorunsEntry) => hash32(`${e.location}|${e.entry}|${e.launch}`, 3);
  const keepTasks = target >= tasks.length ? tasks : [...tasks].sort((a, b) => rank(a) - rank(b)).slice(0, Math.max(0, target));
  const room = Math.max(0, target - keepTasks.length);
  const keepOthers = new Set([...others].sort((a, b) => rank(a) - rank(b)).slice(0, room));
  const keepTaskSet = new Set(keepTasks);
  return entries.filter((e) => keepTaskSet.has(e) || keepOthers.has(e));
}

function toSections(entries: AutorunsEntry[]): Section[] {
  const byKey = new Map<string, Section>();
  const catIndex = (c: string) => CATEGORY_ORDER.indexOf(c);
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => catIndex(a.e.category) - catIndex(b.e.category) || (a.e.category === 'Tasks' ? a.e.entry.localeCompare(b.e.entry, 'en') : 0) || a.i - b.i);
  for (const { e } of sorted) {
    const key = `${e.category}|${e.location}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { category: e.category, location: e.location, names: [], rows: [], joined: '', bytes: Buffer.alloc(0) }));
    s.names.push(e.entry);
    s.rows.push(entryRow(e));
  }
  const sections = [...byKey.values()];
  for (const s of sections) {
    s.joined = s.rows.map((r) => `${r}\r\n`).join('');
    s.bytes = Buffer.from(s.joined, 'utf16le');
  }
  return sections;
}

const cache = new Map<string, Section[]>();

export function stockSections(edition: WindowsEdition, group: StockGroup, patchLevel: number, target: number): Section[] {
  const key = `${edition}|${group}|${patchLevel}|${target}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = toSections(trim(stockEntries(edition, group, patchLevel), target));
    cache.set(key, hit);
  }
  return hit;
}

/** The stock entry with this name at a patch level (used to plant a hijack that keeps the task path). */
export function stockEntry(edition: WindowsEdition, group: StockGroup, patchLevel: number, name: string): AutorunsEntry | undefined {
  return stockEntries(edition, group, patchLevel).find((e) => e.entry === name);
}
