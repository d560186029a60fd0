import { LINUX_PACKAGES } from './linux-packages';
import { MAC_PACKAGES } from './macos-packages';
import { placePlanted, type HostOs, type PlantedItem } from './planted';
import { hash32, mulberry32, pickRng, unit } from './prng';
import { EXPECTED_VENDOR_ROWS, OEM_PACKAGES, WINDOWS_PACKAGES, type Role } from './windows-vendor';
import type { WindowsEdition } from './windows-stock';

/**
 * The fleet description: hosts with roles and sites, the patch-wave calendar, churn events and planted items.
 * It holds no file contents; the writer replays it day by day.
 */

export type DemoFormat = 'autoruns' | 'cron' | 'systemd' | 'launchd';
export const ALL_FORMATS: readonly DemoFormat[] = ['autoruns', 'cron', 'systemd', 'launchd'];

export interface FleetOptions {
  hosts: number;
  days: number;
  seed: number;
  /** First snapshot day (UTC midnight); defaults to 2026-11-01 so the default window holds a patch Tuesday. */
  startDate?: Date;
  /** Autoruns rows per Windows host (default 250). */
  entriesPerHost?: number;
  /** Share of hosts that install, remove or upgrade one vendor package per day (default 0.005). */
  churn?: number;
  /** Formats to emit; with only `autoruns` the whole fleet is Windows (the benchmark's fleet). */
  formats?: DemoFormat[];
}

export interface HostInfo {
  index: number;
  name: string;
  os: HostOs;
  role: Role;
  site: string;
  edition: WindowsEdition | null;
  domain: string;
  user: string;
  sid: string;
  /** Vendor packages on day 0 → version index. */
  initialPackages: Map<string, number>;
}

export interface ChurnEvent {
  host: number;
  kind: 'install' | 'remove' | 'upgrade';
  pkg: string;
}

export interface Fleet {
  options: Required<Omit<FleetOptions, 'startDate'>> & { startDate: Date };
  days: string[];
  hosts: HostInfo[];
  /** Day indexes of the second Tuesdays (patch waves) inside the window. */
  patchDays: number[];
  /** Per host: the day index on which it installs each wave (index-aligned with patchDays). */
  patchInstallDay: number[][];
  events: ChurnEvent[][];
  planted: PlantedItem[];
  stockTarget: number;
}

export const SITES = ['paris', 'london', 'frankfurt', 'newyork', 'singapore'] as const;
const SITE_WEIGHTS = [0.35, 0.25, 0.15, 0.15, 0.1];
const DOMAIN = 'CORP';
const DOMAIN_SID = 'S-1-5-21-1004336348-1177238915-682003330';
const GIVEN = ['adupont', 'bmartin', 'cnguyen', 'dsmith', 'ejohnson', 'fmuller', 'gschmidt', 'hlee', 'ibrown', 'jgarcia', 'kwilson', 'lmoreau', 'mrossi', 'ntan', 'obrien', 'pkowalski'];

export const DEFAULT_START = new Date(Date.UTC(2026, 10, 1));

export function dayString(start: Date, i: number): string {
  return new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
}

/** Second Tuesday of a month (UTC): Microsoft's Patch Tuesday. */
export function isPatchTuesday(date: Date): boolean {
  return date.getUTCDay() === 2 && date.getUTCDate() >= 8 && date.getUTCDate() <= 14;
}

function weightedSite(key: string, seed: number): string {
  let u = unit(key, seed);
  for (let i = 0; i < SITES.length; i++) {
    if ((u -= SITE_WEIGHTS[i]!) < 0) return SITES[i]!;
  }
  return SITES[0];
}

interface Slot {
  os: HostOs;
  role: Role;
}

/** OS and role per host index: mostly Windows workstations, a server tier, Linux web/db/build, a few Macs. */
function slots(n: number, windowsOnly: boolean): Slot[] {
  const mac = windowsOnly ? 0 : n >= 5 ? Math.max(1, Math.round(n * 0.03)) : 0;
  const linux = windowsOnly ? 0 : n >= 4 ? Math.max(2, Math.round(n * 0.15)) : 0;
  const win = n - mac - linux;
  const out: Slot[] = [];
  const dc = win >= 10 ? Math.max(1, Math.round(win * 0.01)) : 0;
  const winServers = Math.round(win * 0.08);
  const winDb = Math.round(win * 0.03);
  const winBuild = Math.round(win * 0.02);
  for (let i = 0; i < win; i++) {
    const role: Role = i < dc ? 'dc' : i < dc + winServers ? 'server' : i < dc + winServers + winDb ? 'db' : i < dc + winServers + winDb + winBuild ? 'build' : 'workstation';
    out.push({ os: 'windows', role });
  }
  const linuxRoles: Role[] = ['web', 'web', 'db', 'server', 'web', 'build', 'db', 'server', 'web', 'server'];
  for (let i = 0; i < linux; i++) out.push({ os: 'linux', role: linuxRoles[i % linuxRoles.length]! });
  for (let i = 0; i < mac; i++) out.push({ os: 'macos', role: 'workstation' });
  return out;
}

const PREFIX: Record<Role, string> = { workstation: 'WS', server: 'SRV', dc: 'DC', db: 'SQL', build: 'BLD', web: 'web' };

function hostName(slot: Slot, ordinal: number): string {
  if (slot.os === 'macos') return `mac-${String(ordinal).padStart(3, '0')}`;
  if (slot.os === 'linux') return `${slot.role === 'server' ? 'app' : slot.role}-${String(ordinal).padStart(2, '0')}`;
  return `${PREFIX[slot.role]}-${String(ordinal).padStart(slot.role === 'workstation' ? 4 : 2, '0')}`;
}

function packagesFor(os: HostOs): readonly { id: string; share: Partial<Record<Role, number>> | number }[] {
  return os === 'windows' ? WINDOWS_PACKAGES : os === 'linux' ? LINUX_PACKAGES : MAC_PACKAGES;
}

function shareOf(p: { id: string; share: Partial<Record<Role, number>> | number }, role: Role): number {
  if (OEM_PACKAGES.has(p.id)) return role === 'workstation' ? 0.9 : 0;
  return typeof p.share === 'number' ? p.share : (p.share[role] ?? 0);
}

function initialPackages(h: { name: string; os: HostOs; role: Role }, seed: number): Map<string, number> {
  const out = new Map<string, number>();
  const oem = ['dell-supportassist', 'hp-support-assistant', 'lenovo-system-update'][hash32(h.name, seed + 5) % 3];
  for (const p of packagesFor(h.os)) {
    if (OEM_PACKAGES.has(p.id) && p.id !== oem) continue;
    const share = shareOf(p, h.role);
    // Version index 0..2: a realistic fleet is never on one version of anything.
    if (unit(`${h.name}|${p.id}`, seed) < share) out.set(p.id, hash32(`${h.name}|${p.id}|v`, seed) % 3);
  }
  return out;
}

export function generateFleet(opts: FleetOptions): Fleet {
  const formats = opts.formats?.length ? [...opts.formats] : [...ALL_FORMATS];
  const options = {
    hosts: Math.max(1, Math.floor(opts.hosts)),
    days: Math.max(1, Math.floor(opts.days)),
    seed: opts.seed >>> 0,
    startDate: opts.startDate ?? DEFAULT_START,
    entriesPerHost: opts.entriesPerHost ?? 250,
    churn: opts.churn ?? 0.005,
    formats,
  };
  const { seed } = options;
  const days = Array.from({ length: options.days }, (_, i) => dayString(options.startDate, i));
  const windowsOnly = formats.every((f) => f === 'autoruns');
  const ordinals = new Map<string, number>();
  const hosts: HostInfo[] = slots(options.hosts, windowsOnly).map((slot, index) => {
    const prefix = `${slot.os}|${slot.role}`;
    const ordinal = (ordinals.get(prefix) ?? 0) + 1;
    ordinals.set(prefix, ordinal);
    const name = hostName(slot, ordinal);
    const server = slot.role !== 'workstation';
    const edition: WindowsEdition | null =
      slot.os !== 'windows' ? null : server ? (unit(name, seed + 1) < 0.5 ? 'server2019' : 'server2022') : unit(name, seed + 1) < 0.6 ? 'win11' : 'win10';
    const user = server ? 'svc_admin' : `${GIVEN[hash32(name, seed + 2) % GIVEN.length]}${ordinal % 100}`;
    const rid = 1104 + (hash32(`${name}|rid`, seed) % 50_000);
    const h = { index, name, os: slot.os, role: slot.role, site: weightedSite(name, seed + 3), edition, domain: DOMAIN, user, sid: `${DOMAIN_SID}-${rid}` };
    return { ...h, initialPackages: initialPackages(h, seed) };
  });

  const patchDays = days.map((d, i) => (isPatchTuesday(new Date(`${d}T00:00:00Z`)) ? i : -1)).filter((i) => i >= 0);
  // Most workstations install on the day; servers wait for a maintenance window a few days later.
  const patchInstallDay = hosts.map((h) =>
    patchDays.map((pd, w) => {
      const u = unit(`${h.name}|wave${w}`, seed + 9);
      const late = h.role === 'workstation' ? u > 0.9 : u > 0.6;
      return late ? pd + 1 + (hash32(`${h.name}|delay${w}`, seed) % 5) : pd;
    }),
  );

  const rng = mulberry32(seed ^ 0xc4a5);
  const events: ChurnEvent[][] = days.map(() => []);
  for (let d = 1; d < days.length; d++) {
    const count = Math.floor(options.hosts * options.churn + rng());
    for (let k = 0; k < count; k++) {
      const host = hosts[Math.floor(rng() * hosts.length)]!;
      const r = rng();
      const eligible = packagesFor(host.os).filter((p) => shareOf(p, host.role) > 0);
      if (eligible.length === 0) continue;
      const pkg = pickRng(eligible, rng).id;
      events[d]!.push({ host: host.index, kind: r < 0.6 ? 'upgrade' : r < 0.8 ? 'install' : 'remove', pkg });
    }
  }

  const planted = placePlanted(hosts, days, seed);
  return { options, days, hosts, patchDays, patchInstallDay, events, planted, stockTarget: Math.max(0, options.entriesPerHost - EXPECTED_VENDOR_ROWS) };
}

/** Peer-group labels of a host, as written to each day's labels.json. */
export function hostLabels(fleet: Fleet, host: string): { role: Role; site: string } | undefined {
  const h = fleet.hosts.find((x) => x.name === host);
  return h ? { role: h.role, site: h.site } : undefined;
}

export function patchLevel(fleet: Fleet, host: number, day: number): number {
  return fleet.patchInstallDay[host]!.filter((d) => d <= day).length;
}
