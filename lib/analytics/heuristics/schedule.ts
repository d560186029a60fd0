/** When a job fires: every-minute beacons, boot/logon persistence with a suspicious action, `at`, launchd keep-alive. */
import { DOWNLOAD_PS, ENCODED_PS, PIPE_TO_SHELL, REVERSE_SHELL, stem, userWritable } from './signals';
import type { Heuristic, HeuristicInput } from './types';

const hit = (id: string, detail: string) => ({ id, detail });
const UNITS: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600 };

/** Smallest repeat interval in seconds across all triggers and the schedule text; null when none is periodic. */
export function intervalSeconds(i: HeuristicInput): number | null {
  const found: number[] = [];
  const raws = [...(i.triggers ?? []).filter((t) => t.enabled !== false).flatMap((t) => [t.raw, t.text ?? '']), i.schedule ?? ''];
  for (const raw of raws) {
    const cron = /^\s*(\S+)\s+(\S+)\s+\S+\s+\S+\s+\S+\s*$/.exec(raw);
    if (cron && i.family !== 'windows_task') {
      const min = cron[1];
      if (min === '*' || min === '*/1' || min === '0-59') found.push(60);
      else if (/^\*\/\d+$/.test(min)) found.push(Number(min.slice(2)) * 60);
      else if (min.split(',').length >= 12) found.push(300);
    }
    for (const m of raw.matchAll(/PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?(?![A-Z0-9])/g)) {
      const s = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
      // RandomDelay/Delay/ExecutionTimeLimit use the same syntax; only Interval means repetition.
      if (s > 0 && /<Interval>\s*$/.test(raw.slice(0, m.index))) found.push(s);
    }
    for (const m of raw.matchAll(/repeat(?:ing|s)? every (\d+) (second|minute)s?/gi)) found.push(Number(m[1]) * (m[2].toLowerCase() === 'second' ? 1 : 60));
    const si = /StartInterval=(\d+)/.exec(raw);
    if (si) found.push(Number(si[1]));
    const unit = /On(?:UnitActive|UnitInactive)Sec=(\d+)\s*(s|sec|m|min|h|hr)?\b/.exec(raw);
    if (unit) found.push(Number(unit[1]) * UNITS[unit[2] ?? 's']);
    if (/OnCalendar=(?:minutely|\*:\*(?::\d+)?|\*-\*-\* \*:\*(?::\d+)?|\*:0\/1)\s*$/.test(raw)) found.push(60);
  }
  const pos = found.filter((n) => n > 0);
  return pos.length ? Math.min(...pos) : null;
}

/** A path under a home directory: /home/<user>/, /root/, ~/, systemd's %h, $HOME. */
const HOME_PATH = /(?:^|[\s'"=;])((?:\/home\/[^/\s'"]+|\/root|~|%h|\$HOME|\$\{HOME\})\/[^\s'";]*)/;

const STARTUP_KINDS = new Set(['boot', 'logon', 'reboot', 'load', 'startup', 'session_state']);

/** The evidence that makes a startup job worth flagging; null for ordinary commands. */
function suspiciousAction(i: HeuristicInput): string | null {
  const ev = userWritable(i);
  // Per-user apps (OneDrive, Discord, Opera) legitimately start from AppData at logon; Temp/Public/tmp do not.
  if (ev && !/AppData/.test(ev.where)) return `runs from ${ev.where}`;
  for (const [re, what] of [[ENCODED_PS, 'encoded PowerShell'], [DOWNLOAD_PS, 'a download'], [PIPE_TO_SHELL, 'a download piped to a shell'], [REVERSE_SHELL, 'a reverse shell']] as const) {
    if (re.test(i.command)) return `contains ${what}`;
  }
  const host = stem(i.executable.replace(/^rundll32\.exe\|.*/, 'rundll32'));
  return ['mshta', 'wscript', 'cscript', 'regsvr32', 'certutil', 'bitsadmin'].includes(host) ? `runs ${host}` : null;
}

export const scheduleHeuristics: Heuristic[] = [
  {
    id: 'TL-SCHED-EVERY-MINUTE',
    title: 'Runs every minute',
    explanation: 'Every-minute schedules (cron * * * * *, PT1M repetition, StartInterval<=60) are how implants beacon and respawn.',
    attack: 'T1053',
    family: 'schedule',
    severity: 3,
    examples: {
      positive: [
        { family: 'cron', command: '/usr/local/bin/x', schedule: '* * * * *', triggers: [{ kind: 'cron', raw: '* * * * *' }] },
        { family: 'cron', command: '/x', triggers: [{ kind: 'cron', raw: '*/1 * * * *' }] },
        { command: 'c:\\x\\a.exe', triggers: [{ kind: 'time', raw: '<TimeTrigger><Repetition><Interval>PT1M</Interval></Repetition></TimeTrigger>' }] },
        { family: 'launchd', command: '/x', triggers: [{ kind: 'interval', raw: 'StartInterval=30' }] },
      ],
      negative: [
        { family: 'cron', command: '/x', triggers: [{ kind: 'cron', raw: '*/15 * * * *' }] },
        { command: 'c:\\x\\a.exe', triggers: [{ kind: 'time', raw: '<TimeTrigger><RandomDelay>PT1M</RandomDelay></TimeTrigger>' }] },
      ],
    },
    test(i) {
      const s = intervalSeconds(i);
      return s !== null && s <= 60 ? hit(this.id, `repeats every ${s} s`) : null;
    },
  },
  {
    id: 'TL-SCHED-FREQUENT',
    title: 'Repeats every 2-5 minutes',
    explanation: 'Short repetition keeps a payload running (the APTSimulator "GameOver" task repeats every 5 minutes); updaters rarely need it.',
    attack: 'T1053',
    family: 'schedule',
    severity: 2,
    examples: {
      positive: [
        { command: 'c:\\x\\a.exe', triggers: [{ kind: 'time', raw: '<TimeTrigger><Repetition><Interval>PT5M</Interval></Repetition></TimeTrigger>' }] },
        { family: 'cron', command: '/x', triggers: [{ kind: 'cron', raw: '*/3 * * * *' }] },
      ],
      negative: [
        { family: 'cron', command: '/x', triggers: [{ kind: 'cron', raw: '*/10 * * * *' }] },
        { family: 'cron', command: '/x', triggers: [{ kind: 'cron', raw: '* * * * *' }] },
      ],
    },
    test(i) {
      const s = intervalSeconds(i);
      return s !== null && s > 60 && s <= 300 ? hit(this.id, `repeats every ${Math.round(s / 60)} min`) : null;
    },
  },
  {
    id: 'TL-SCHED-STARTUP-SUSPICIOUS',
    title: 'Boot, logon or @reboot trigger with a suspicious action',
    explanation: 'Startup triggers give persistence across reboots; paired with a writable path, LOLBin or download it is the classic implant pattern.',
    attack: 'T1053',
    family: 'schedule',
    severity: 4,
    examples: {
      positive: [
        { family: 'cron', command: '/tmp/.x/run', schedule: '@reboot', triggers: [{ kind: 'reboot', raw: '@reboot' }] },
        { command: 'mshta.exe http://x/a.hta', triggers: [{ kind: 'logon', raw: '<LogonTrigger/>' }] },
      ],
      negative: [
        { command: 'c:\\windows\\system32\\sc.exe start x', triggers: [{ kind: 'boot', raw: '<BootTrigger/>' }] },
        { family: 'cron', command: '/tmp/.x/run', triggers: [{ kind: 'cron', raw: '0 3 * * *' }] },
      ],
    },
    test(i) {
      const t = (i.triggers ?? []).find((x) => STARTUP_KINDS.has(x.kind) && x.enabled !== false);
      const startup = t?.kind ?? (i.schedule?.trim() === '@reboot' ? 'reboot' : i.family === 'windows_autorun' && /logon/i.test(i.kind ?? '') ? 'logon' : null);
      if (!startup) return null;
      const why = suspiciousAction(i);
      return why ? hit(this.id, `${startup} trigger and ${why}`) : null;
    },
  },
  {
    id: 'TL-SCHED-CRON-REBOOT',
    title: 'cron @reboot entry',
    explanation: '@reboot is rarely used by packages; it is a favourite of Linux malware for persistence.',
    attack: 'T1053.003',
    family: 'schedule',
    severity: 2,
    appliesTo: ['cron'],
    examples: {
      positive: [{ family: 'cron', command: '/usr/local/bin/agent', schedule: '@reboot', triggers: [{ kind: 'reboot', raw: '@reboot' }] }],
      negative: [{ family: 'cron', command: '/usr/local/bin/agent', schedule: '0 * * * *', triggers: [{ kind: 'cron', raw: '0 * * * *' }] }],
    },
    test(i) {
      return i.schedule?.trim() === '@reboot' || i.triggers?.some((t) => t.kind === 'reboot') ? hit(this.id, '@reboot') : null;
    },
  },
  {
    id: 'TL-SCHED-AT-JOB',
    title: 'at job',
    explanation: 'at(1) and the legacy Windows at.exe are seldom used by modern software; one-off jobs are a lateral-movement favourite.',
    attack: 'T1053.002',
    family: 'schedule',
    severity: 2,
    appliesTo: ['at', 'windows_task'],
    examples: {
      positive: [{ family: 'at', name: '12', command: '/bin/sh /tmp/x' }, { name: '\\At1', command: 'c:\\x\\a.exe' }],
      negative: [{ name: '\\Atlas Sync', command: 'c:\\x\\a.exe' }],
    },
    test(i) {
      if (i.family === 'at') return hit(this.id, `at job ${i.name}`);
      return /^\\at\d+$/i.test(i.name) ? hit(this.id, `task ${i.name} was created by at.exe`) : null;
    },
  },
  {
    id: 'TL-SCHED-SYSTEMD-USER-TIMER-HOME',
    title: 'User-level systemd timer running a program from a home directory',
    explanation: 'A timer in ~/.config/systemd/user needs no root and survives reboots with lingering; running code kept in a home folder it is user persistence, not a package.',
    attack: 'T1053.006',
    family: 'schedule',
    severity: 3,
    reference: 'Elastic: Persistence via Systemd (Timers), hunting query (d2d24ad6-a315-4e05-a3f9-e205eb805df4)',
    appliesTo: ['systemd_timer'],
    examples: {
      positive: [
        { family: 'systemd_timer', kind: 'user_timer', name: 'dbus-session-update.timer', command: "/bin/sh -c '/home/deploy/.cache/.dbus/u.sh >/dev/null 2>&1'" },
        { family: 'systemd_timer', kind: 'user_timer', name: 'sync.timer', command: '%h/bin/sync-agent --quiet' },
      ],
      negative: [
        { family: 'systemd_timer', kind: 'user_timer', name: 'syncthing.timer', command: '/usr/bin/syncthing serve --no-browser' },
        { family: 'systemd_timer', kind: 'timer', name: 'backup.timer', command: '/home/backup/bin/run.sh' },
      ],
    },
    test(i) {
      if (i.kind !== 'user_timer') return null;
      const m = HOME_PATH.exec(i.command);
      return m ? hit(this.id, `user timer ${i.name} runs ${m[1]}`) : null;
    },
  },
  {
    id: 'TL-SCHED-LAUNCHD-PERSIST-WRITABLE',
    title: 'launchd RunAtLoad/KeepAlive job with a program in a writable folder',
    explanation: 'A kept-alive agent loading from /tmp, /Users/Shared or a Downloads folder is how macOS malware persists.',
    attack: 'T1543.001',
    family: 'schedule',
    severity: 4,
    appliesTo: ['launchd'],
    examples: {
      positive: [{ family: 'launchd', name: 'com.x.agent', command: '/Users/Shared/.a/agent', imagePath: '/Users/Shared/.a/agent', triggers: [{ kind: 'load', raw: 'RunAtLoad=true' }, { kind: 'keepalive', raw: 'KeepAlive=true' }] }],
      negative: [{ family: 'launchd', name: 'com.apple.x', command: '/usr/libexec/x', imagePath: '/usr/libexec/x', triggers: [{ kind: 'keepalive', raw: 'KeepAlive=true' }] }],
    },
    test(i) {
      const kinds = new Set((i.triggers ?? []).map((t) => t.kind));
      if (!kinds.has('load') && !kinds.has('keepalive')) return null;
      const ev = userWritable(i);
      return ev ? hit(this.id, `${[...kinds].filter((k) => k === 'load' || k === 'keepalive').join('+')} program ${ev.path} in ${ev.where}`) : null;
    },
  },
];
