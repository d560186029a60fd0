/** Who the job runs as, combined with where its code lives: the privilege-escalation angle. */
import { launchedPaths, privilegedPrincipal, stem, userWritable, isWindows } from './signals';
import type { Heuristic } from './types';

const hit = (id: string, detail: string) => ({ id, detail });

export const principalHeuristics: Heuristic[] = [
  {
    id: 'TL-PRIN-PRIV-USERWRITABLE',
    title: 'SYSTEM/root job runs a file from a user-writable folder',
    explanation: 'Any local user who can replace the file gets code execution as SYSTEM or root.',
    attack: 'T1053',
    family: 'principal',
    severity: 5,
    reference: 'Sigma: Suspicious Schtasks Execution AppData Folder (c5c00f49-b3f9-45a6-997e-cfdecc6e1967)',
    examples: {
      positive: [
        { command: 'C:\\Users\\Public\\u.exe', runAs: 'SYSTEM' },
        { command: 'C:\\Users\\a\\AppData\\Local\\x.exe', runAs: 'NT AUTHORITY\\SYSTEM' },
        { family: 'cron', command: '/tmp/x.sh', runAs: 'root' },
      ],
      negative: [
        { command: 'C:\\Users\\a\\AppData\\Local\\Microsoft\\OneDrive\\OneDriveStandaloneUpdater.exe', runAs: 'DESKTOP\\a' },
        { command: 'C:\\Windows\\System32\\x.exe', runAs: 'SYSTEM' },
      ],
    },
    test(i) {
      const who = privilegedPrincipal(i);
      const ev = who ? userWritable(i) : null;
      return who && ev ? hit(this.id, `runs as ${who} from ${ev.where} (${ev.path})`) : null;
    },
  },
  {
    id: 'TL-PRIN-ROOT-RUNS-USER-FILE',
    title: 'root job executes a file inside a user\'s home directory',
    explanation: 'A system crontab or unit running /home/<user>/... lets that user (or whoever owns the account) escalate to root.',
    attack: 'T1053.003',
    family: 'principal',
    severity: 4,
    appliesTo: ['cron', 'systemd_timer', 'launchd', 'at'],
    examples: {
      positive: [{ family: 'cron', command: '/home/alice/bin/sync.sh', runAs: 'root' }, { family: 'launchd', command: '/Users/bob/x', runAs: 'root' }],
      negative: [{ family: 'cron', command: '/home/alice/bin/sync.sh', runAs: 'alice' }, { family: 'cron', command: '/root/backup.sh', runAs: 'root' }],
    },
    test(i) {
      if (!privilegedPrincipal(i)) return null;
      const p = launchedPaths(i).find((x) => /^\/(?:home|Users)\/(?!Shared\/)[^/]+\//.test(x));
      return p ? hit(this.id, `runs as ${i.runAs} but executes ${p}`) : null;
    },
  },
  {
    id: 'TL-PRIN-SYSTEM-SCRIPTHOST',
    title: 'Script host or shell runs as SYSTEM',
    explanation: 'powershell/cmd/wscript/mshta as SYSTEM is how attackers turn a task into a privileged shell.',
    attack: 'T1053.005',
    family: 'principal',
    severity: 3,
    reference: 'Sigma: Schtasks Creation Or Modification With SYSTEM Privileges (89ca78fd-b37c-4310-b3d3-81a023f83936)',
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'powershell.exe -c x', runAs: 'SYSTEM' }, { command: 'cmd.exe /c c:\\x\\a.bat', runAs: 'S-1-5-18' }],
      negative: [{ command: 'powershell.exe -c x', runAs: 'CORP\\svc' }, { command: 'C:\\Windows\\System32\\sc.exe start w32time', runAs: 'SYSTEM' }],
    },
    test(i) {
      const who = privilegedPrincipal(i);
      if (!who || !isWindows(i)) return null;
      const host = stem(i.executable.replace(/^rundll32\.exe\|.*/, 'rundll32'));
      return ['powershell', 'pwsh', 'cmd', 'wscript', 'cscript', 'mshta'].includes(host) ? hit(this.id, `${host} runs as ${who}`) : null;
    },
  },
  {
    id: 'TL-PRIN-USER-CRONTAB-AS-ROOT',
    title: 'Job in a non-root user\'s crontab that runs as root',
    explanation: 'A user spool crontab can only run as its owner; one attributed to root or carrying sudo means a tampered spool or privilege grab.',
    attack: 'T1053.003',
    family: 'principal',
    severity: 4,
    appliesTo: ['cron'],
    examples: {
      positive: [
        { family: 'cron', kind: 'user_crontab', name: 'crontab:www-data', command: '/tmp/a', runAs: 'root' },
        { family: 'cron', kind: 'user_crontab', name: 'crontab:alice', command: 'sudo /usr/local/bin/x', runAs: 'alice' },
      ],
      negative: [
        { family: 'cron', kind: 'user_crontab', name: 'crontab:root', command: '/usr/sbin/x', runAs: 'root' },
        { family: 'cron', kind: 'system_crontab', name: '/etc/crontab', command: 'run-parts /etc/cron.daily', runAs: 'root' },
      ],
    },
    test(i) {
      if (i.kind !== 'user_crontab') return null;
      // The cron parser names user crontabs `crontab:<owner>` from the spool path.
      const owner = /^crontab:(.+)$/.exec(i.name)?.[1] ?? /\/(?:crontabs|cron|tabs)\/([^/:]+)$/.exec(i.name)?.[1];
      if (owner && owner !== 'root' && (i.runAs === 'root' || i.runAs === '0')) return hit(this.id, `crontab of ${owner} runs as root`);
      const m = /(?:^|[;&|]\s*)sudo\s+(?:-\S+\s+)*(\S+)/.exec(i.command);
      return m && i.runAs !== 'root' ? hit(this.id, `crontab of ${i.runAs ?? owner ?? 'a user'} escalates with sudo ${m[1]}`) : null;
    },
  },
];
