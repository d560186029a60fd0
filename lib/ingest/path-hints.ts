/**
 * Host / collection-time / label hints from an archive member path (FORMATS.md §0.3). These are the fallback
 * after in-data host names (HostName, PSComputerName) and before the upload form, so they aim to be right for
 * common collector layouts and to say nothing rather than guess wildly.
 *
 * Precedence for the host (first match wins):
 *  1. `host=<name>` (also `hostname=`, `computer=`) folder segments          -> hostFrom 'label'
 *  2. Velociraptor `Collection-<host>-<timestamp>[.zip]` segments            -> 'velociraptor' (+ collectedAt)
 *  3. Kansa `<host>-<Module>.csv|tsv` file names (Autorunsc, SvcTrigs, ...)  -> 'kansa'
 *  4. `<host>_<YYYY-MM-DD>` / `<host>_<YYYYMMDDTHHMMSS>` segments            -> 'host-date' (+ collectedAt)
 *  5. with `opts.hostDepth` (see detectHostDepth): the folder at that depth  -> 'folder'
 *  6. the segment before an OS-root subtree (`etc`, `var`, `Windows`, `Library`, `System32`, ..., or a copied Task
 *     Scheduler folder: `Tasks`, `Microsoft`), skipping a drive-letter segment (`HOST/C/Windows/...`) -> 'os-root'
 *  7. the folder nearest the file that is not a generic container (`hosts`, `export`, `autoruns`, `cron`, ...)
 *     or an OS-group name (`Win10`, `linux`, ...)                            -> 'folder'
 * `hosts/WS01/x.csv` is ambiguous (container or host?): rule 7 picks the folder nearest the file (WS01), because
 * zipping a folder of host folders adds a wrapper (`export/WS01/...`) far more often than hosts keep their files
 * in sub-folders (and known tool sub-folders such as `Autorunsc/` are skipped). A leading `host_` is stripped.
 *
 * Timestamps without a zone in the name are taken as UTC; collectedAt is always `Date#toISOString()` output.
 */

export type HostSource = 'label' | 'velociraptor' | 'kansa' | 'host-date' | 'os-root' | 'folder';

export interface PathHints {
  host?: string;
  collectedAt?: string;
  labels?: Record<string, string>;
  /** Which convention produced `host` (lets callers rank this against other evidence). */
  hostFrom?: HostSource;
}

export interface PathHintOptions {
  /** Folder depth that holds one folder per host, from detectHostDepth over the whole archive. */
  hostDepth?: number;
}

const HOST_LABEL_KEYS = new Set(['host', 'hostname', 'computer']);
const KANSA_MODULES =
  /^(.+)-(Autorunsc|SvcTrigs|SvcAll|SvcFail|SchedTasks|ScheduledTasks|Tasks|WMIEvtConsumer|WMIEvtFilter|WMIFltConBind|Netstat|ProcsWMI)\.(csv|tsv|txt|xml|json)$/i;
const VELOCIRAPTOR =
  /^Collection-(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})[_:](\d{2})[_:](\d{2})(Z|[+-]\d{2}[_:]?\d{2})?(?:\.zip)?$/i;
const HOST_DATE = /^(.+?)_(\d{4})-?(\d{2})-?(\d{2})(?:[T_](\d{2})[-:]?(\d{2})[-:]?(\d{2}))?$/;
const KANSA_OUTPUT = /^Output_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
// `Microsoft` is the top of a copied Task Scheduler folder (`Tasks/Microsoft/Windows/...`, `Microsoft/XblGameSave`).
const OS_ROOT_MARKERS = new Set(
  'etc var usr opt home private windows library system32 users programdata tasks microsoft program_files'.split(' ').map((m) => m.replace('_', ' ')),
);
const DRIVE = /^[A-Za-z](:|%3A)?$/i;
const GENERIC_FOLDERS = new Set(
  (
    'hosts host machines computers endpoints servers workstations clients fleet export exports collection collections ' +
    'output outputs results result data files uploads upload auto ntfs fs root rootfs mnt image images evidence ' +
    'artifacts artefacts triage samples logs autoruns autorunsc schtasks scheduledtasks taskxml cron crontabs cron.d ' +
    'crontab tasks scheduled_tasks systemd timers launchd launchagents launchdaemons at osquery velociraptor kansa kape tmp temp'
  ).split(' '),
);
const OS_GROUP =
  /^(win(dows)?[ _-]?(\d+|xp|vista|7|8|8\.1|10|11)|(win(dows)?[ _-]?)?server[ _-]?\d{4}(r2)?|linux|ubuntu[\w.-]*|debian[\w.-]*|centos[\w.-]*|rhel[\w.-]*|macos[\w.-]*|osx|mac)$/i;

export function hintsFromPath(path: string, opts: PathHintOptions = {}): PathHints {
  const segments = path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return {};
  const folders = segments.slice(0, -1);
  const file = segments[segments.length - 1]!;
  const hints: PathHints = {};
  const labels: Record<string, string> = {};
  const setHost = (host: string | undefined, from: HostSource): void => {
    if (hints.host || !host) return;
    hints.host = stripHostPrefix(host);
    hints.hostFrom = from;
  };

  for (const seg of folders) {
    const m = /^([A-Za-z][\w.-]*)=(.+)$/.exec(seg);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    if (HOST_LABEL_KEYS.has(key)) setHost(m[2], 'label');
    else labels[key] = m[2]!;
  }
  if (Object.keys(labels).length) hints.labels = labels;

  for (const seg of segments) {
    const v = VELOCIRAPTOR.exec(seg);
    if (!v) continue;
    setHost(v[1], 'velociraptor');
    hints.collectedAt ??= toIso(v[2]!, v[3]!, v[4]!, v[5]!, v[6]);
  }

  setHost(KANSA_MODULES.exec(file)?.[1], 'kansa');

  for (const seg of [...folders, stripExtension(file)]) {
    const d = HOST_DATE.exec(seg);
    if (!d || isLabel(seg) || !isHostLike(d[1]!)) continue;
    const at = toIso(`${d[2]}-${d[3]}-${d[4]}`, d[5] ?? '00', d[6] ?? '00', d[7] ?? '00');
    if (!at) continue;
    setHost(d[1], 'host-date');
    hints.collectedAt ??= at;
    break;
  }

  for (const seg of folders) {
    const k = KANSA_OUTPUT.exec(seg);
    if (k) hints.collectedAt ??= toIso(`${k[1]}-${k[2]}-${k[3]}`, k[4]!, k[5]!, k[6]!);
  }

  if (opts.hostDepth !== undefined) {
    const seg = folders[opts.hostDepth];
    if (seg && isHostLike(seg)) setHost(seg, 'folder');
  }
  const root = osRoot(folders);
  setHost(root.host, 'os-root');
  // Below an OS root every folder is a system folder (`etc`, `cron.d`, `Microsoft/XblGameSave`), never a host.
  const hostZone = root.index >= 0 ? folders.slice(0, root.index) : folders;
  setHost([...hostZone].reverse().find(isHostLike), 'folder');
  return hints;
}

/**
 * The folder depth at which an archive fans out into one folder per host: the length of the folder prefix all
 * paths share, provided at least two paths differ right after it. `export/WS01/a.csv` + `export/WS02/a.csv` -> 1.
 * Undefined for single-host archives, where the per-path rules already do better.
 */
export function detectHostDepth(paths: Iterable<string>): number | undefined {
  let prefix: string[] | null = null;
  const all: string[][] = [];
  for (const p of paths) {
    const folders = p.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.').slice(0, -1);
    all.push(folders);
    if (prefix === null) prefix = folders;
    else {
      let i = 0;
      while (i < prefix.length && i < folders.length && prefix[i] === folders[i]) i++;
      prefix = prefix.slice(0, i);
    }
  }
  if (prefix === null) return undefined;
  const depth = prefix.length;
  const distinct = new Set(all.filter((f) => f.length > depth).map((f) => f[depth]));
  return distinct.size >= 2 ? depth : undefined;
}

/** Index of the first OS-root marker segment (or -1) and the host folder right above it, if any. */
function osRoot(folders: readonly string[]): { index: number; host?: string } {
  const index = folders.findIndex((seg) => OS_ROOT_MARKERS.has(seg.toLowerCase()));
  if (index < 1) return { index };
  let j = index - 1;
  if (DRIVE.test(folders[j]!) && j > 0) j--;
  const candidate = folders[j]!;
  // `uploads/auto/C%3A/Windows` (Velociraptor internals): a generic folder is not a host.
  return isHostLike(candidate) ? { index, host: candidate } : { index };
}

function isHostLike(seg: string): boolean {
  const lower = seg.toLowerCase();
  return (
    !isLabel(seg) &&
    !GENERIC_FOLDERS.has(lower) &&
    !OS_GROUP.test(seg) &&
    !KANSA_OUTPUT.test(seg) &&
    !DRIVE.test(seg) &&
    !OS_ROOT_MARKERS.has(lower) &&
    !/\.(zip|tar|tgz|gz)$/i.test(seg)
  );
}

function isLabel(seg: string): boolean {
  return /^[A-Za-z][\w.-]*=/.test(seg);
}

function stripHostPrefix(host: string): string {
  const stripped = host.replace(/^host[_-]/i, '');
  return stripped || host;
}

function stripExtension(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

function toIso(date: string, hh: string, mm: string, ss: string, zone?: string): string | undefined {
  let offset = 'Z';
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(/[_:]/g, '');
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
  }
  const d = new Date(`${date}T${hh}:${mm}:${ss}${offset}`);
  if (Number.isNaN(d.getTime())) return undefined;
  // Reject rollovers such as 2024-02-31 that Date silently normalizes.
  if (offset === 'Z' && d.toISOString().slice(0, 10) !== date) return undefined;
  return d.toISOString();
}
