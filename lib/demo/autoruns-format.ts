import { hash32, hexDigest } from './prng';

/**
 * Autoruns CSV rows exactly as `autorunsc -nobanner -t -s -h` writes them (FORMATS.md §1.3-1.6): only string
 * columns quoted, group rows one field short, empty signer unquoted, CRLF line ends (the
 * caller encodes UTF-16LE with a BOM).
 */

export const AUTORUNS_HEADER =
  'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String,MD5,SHA-1,PESHA-1,PESHA-256,SHA-256,IMP';

export interface AutorunsEntry {
  category: string;
  location: string;
  entry: string;
  enabled: boolean;
  /** `System-wide` unless an HKCU location (then `DOMAIN\user`). */
  profile?: string;
  description: string;
  /** Full signer text, e.g. `(Verified) Microsoft Windows`; empty for unsigned files. */
  signer: string;
  company: string;
  /** Lower-cased resolved path as Autoruns prints it. */
  imagePath: string;
  version: string;
  launch: string;
  /** The image is missing on disk: Autoruns prints `File not found:` and no hashes or time. */
  notFound?: boolean;
  /** Identity of the file bytes for hashing; defaults to file name + version + company. */
  hashKey?: string;
}

const q = (v: string): string => `"${v.includes('"') ? v.replace(/"/g, '""') : v}"`;

const SCRIPT_EXT = /\.(bat|cmd|vbs|js|ps1|sh)$/i;

/** File identity → `Time` + hash columns. Bounded: keys are binaries × versions, not hosts. */
const fileCache = new Map<string, { time: string; hashes: string }>();

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** PE link time: reproducible Windows builds carry hash-like stamps (1905-2035), vendors real-looking ones. */
function linkTime(key: string, microsoft: boolean): string {
  const h = hash32(key, 7);
  const year = microsoft ? 1905 + (h % 130) : 2020 + (h % 6);
  const month = 1 + ((h >>> 8) % 12);
  const day = 1 + ((h >>> 12) % 28);
  const s = (h >>> 4) % 86400;
  return `${year}${pad(month)}${pad(day)}-${pad(Math.floor(s / 3600))}${pad(Math.floor(s / 60) % 60)}${pad(s % 60)}`;
}

function fileColumns(e: AutorunsEntry): { time: string; hashes: string } {
  const base = e.imagePath.slice(e.imagePath.lastIndexOf('\\') + 1);
  const key = e.hashKey ?? `${base}|${e.version}|${e.company}`;
  let hit = fileCache.get(key);
  if (!hit) {
    const md5 = hexDigest('md5', key);
    const sha1 = hexDigest('sha1', key);
    const sha256 = hexDigest('sha256', key);
    const script = SCRIPT_EXT.test(base);
    // Scripts have no PE image: PESHA columns repeat the flat hashes and IMP is empty.
    const pesha1 = script ? sha1 : hexDigest('sha1', `pe|${key}`);
    const pesha256 = script ? sha256 : hexDigest('sha256', `pe|${key}`);
    const imp = script ? '' : hexDigest('md5', `imp|${base}`);
    hit = { time: linkTime(key, e.signer.includes('Microsoft Windows')), hashes: `${md5},${sha1},${pesha1},${pesha256},${sha256},${imp}` };
    fileCache.set(key, hit);
  }
  return hit;
}

export function entryRow(e: AutorunsEntry): string {
  const profile = e.profile ?? 'System-wide';
  const state = e.enabled ? 'enabled' : 'disabled';
  if (e.notFound) {
    return `,${q(e.location)},${q(e.entry)},${state},${q(e.category)},${profile},${q(e.description)},,${q(e.company)},${q(`File not found: ${e.imagePath}`)},,${q(e.launch)},,,,,,`;
  }
  const f = fileColumns(e);
  const signer = e.signer ? q(e.signer) : '';
  return `${f.time},${q(e.location)},${q(e.entry)},${state},${q(e.category)},${profile},${q(e.description)},${signer},${q(e.company)},${q(e.imagePath)},${e.version},${q(e.launch)},${f.hashes}`;
}

/** Location (group) row: 17 fields against an 18-field header, `Entry Location` unquoted; Tasks have no time. */
export function groupRow(time: string, location: string, category: string, profile = 'System-wide'): string {
  return `${category === 'Tasks' ? '' : time},${location},,,${q(category)},${profile},,,,,,,,,,,`;
}

/** Registry key last-write time for a group row, stable per host and location (so re-snapshots stay identical). */
export function keyWriteTime(host: string, location: string, notAfter: Date): string {
  const h = hash32(`${host}|${location}`, 11);
  const t = new Date(notAfter.getTime() - (1 + (h % (400 * 24))) * 3_600_000 - (h % 3600) * 1000);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}-${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
}
