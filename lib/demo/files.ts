import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateFleet, patchLevel, type DemoFormat, type Fleet, type FleetOptions, type HostInfo } from './fleet';
import { renderLinux } from './linux-host';
import { renderMac } from './macos-host';
import type { PlantedItem } from './planted';
import { hash32 } from './prng';
import { renderAutoruns, type HostRenderCache } from './windows-host';

/**
 * Streams the fleet as files, day-major: `<YYYY-MM-DD>/labels.json`, then `<YYYY-MM-DD>/<host>/<file>` for
 * every host. Each item says which host and day it belongs to, so callers need not rely on path conventions.
 *
 * An unchanged host yields byte-identical files the next day (`unchanged: true`): `autorunsc -t` output holds no
 * collection time, so there is nothing harmless to vary. list-timers output is the exception: its NEXT/LEFT
 * columns move every day, as on a real host.
 */

export interface FleetFile {
  /** Relative path, `/`-separated. */
  path: string;
  bytes: Buffer;
  /** null for the per-day labels.json. */
  host: string | null;
  day: string;
  dayIndex: number;
  format: DemoFormat | 'labels';
  /** When the collector ran (ISO-8601): the day at 06:00 UTC plus a per-host offset of up to two hours. */
  collectedAt: string;
  /** Same bytes as this host's file at the same path on the previous day. */
  unchanged: boolean;
}

interface HostState {
  packages: Map<string, number>;
  /** Bumped whenever anything that shapes this host's files changes. */
  version: number;
  lastKey: string;
  render: HostRenderCache;
}

function applyEvent(state: HostState, kind: 'install' | 'remove' | 'upgrade', pkg: string): void {
  const had = state.packages.get(pkg);
  if (kind === 'upgrade' && had !== undefined) state.packages.set(pkg, had + 1);
  else if (kind === 'remove' && had !== undefined) state.packages.delete(pkg);
  else if (kind === 'install' && had === undefined) state.packages.set(pkg, 3);
  else return;
  state.version++;
}

function collectedAt(host: string, dayMs: number): string {
  return new Date(dayMs + 6 * 3_600_000 + (hash32(host, 21) % 7200) * 1000).toISOString();
}

export function* fleetFiles(fleet: Fleet): Generator<FleetFile> {
  const formats = new Set(fleet.options.formats);
  const states: HostState[] = fleet.hosts.map((h) => ({ packages: new Map(h.initialPackages), version: 0, lastKey: '', render: { key: '', extra: new Map(), swap: new Map() } }));
  const plantedByHost = new Map<string, PlantedItem[]>();
  for (const p of fleet.planted) plantedByHost.set(p.host, [...(plantedByHost.get(p.host) ?? []), p]);
  const startMs = fleet.options.startDate.getTime();
  const labels = JSON.stringify(Object.fromEntries(fleet.hosts.map((h) => [h.name, { role: h.role, site: h.site }])), null, 2) + '\n';

  for (let d = 0; d < fleet.days.length; d++) {
    const day = fleet.days[d]!;
    const dayMs = startMs + d * 86_400_000;
    for (const e of fleet.events[d]!) applyEvent(states[e.host]!, e.kind, e.pkg);
    yield { path: `${day}/labels.json`, bytes: Buffer.from(labels), host: null, day, dayIndex: d, format: 'labels', collectedAt: new Date(dayMs).toISOString(), unchanged: d > 0 };
    for (const h of fleet.hosts) {
      const st = states[h.index]!;
      const planted = (plantedByHost.get(h.name) ?? []).filter((p) => p.dayIndex <= d);
      const level = h.os === 'windows' ? patchLevel(fleet, h.index, d) : 0;
      const key = `${st.version}|${level}|${planted.length}`;
      const unchanged = d > 0 && key === st.lastKey;
      st.lastKey = key;
      const at = collectedAt(h.name, dayMs);
      for (const f of hostFiles(fleet, h, st, level, planted, dayMs, startMs, formats)) {
        const isTimers = f.rel === 'list-timers.txt';
        yield { path: `${day}/${h.name}/${f.rel}`, bytes: f.bytes, host: h.name, day, dayIndex: d, format: f.format, collectedAt: at, unchanged: unchanged && !isTimers };
      }
    }
  }
}

function* hostFiles(
  fleet: Fleet,
  h: HostInfo,
  st: HostState,
  level: number,
  planted: PlantedItem[],
  dayMs: number,
  startMs: number,
  formats: Set<DemoFormat>,
): Generator<{ rel: string; bytes: Buffer; format: DemoFormat }> {
  if (h.os === 'windows') {
    if (formats.has('autoruns')) yield { rel: 'autorunsc.csv', bytes: renderAutoruns(fleet, h, level, st.packages, planted, st.render, st.lastKey), format: 'autoruns' };
    return;
  }
  const files = h.os === 'linux' ? renderLinux(h, st.packages, planted, dayMs, startMs) : renderMac(h, st.packages, planted);
  for (const f of files) if (formats.has(f.format)) yield { rel: f.rel, bytes: Buffer.from(f.text, 'utf8'), format: f.format };
}

export interface WriteSummary {
  files: number;
  bytes: number;
  hosts: number;
}

/** Generate and write the fleet under `dir` (created as needed); returns counts. */
export async function writeFleet(dir: string, options: FleetOptions): Promise<WriteSummary & { fleet: Fleet }> {
  const fleet = generateFleet(options);
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const f of fleetFiles(fleet)) {
    const target = join(dir, ...f.path.split('/'));
    const parent = dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await writeFile(target, f.bytes);
    files++;
    bytes += f.bytes.length;
  }
  return { files, bytes, hosts: fleet.hosts.length, fleet };
}
