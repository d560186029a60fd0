/** Where the executable lives: writable, odd or hidden locations that stock software does not use. */
import { launchedPaths, userWritable, isWindows, basename } from './signals';
import type { Heuristic } from './types';

const hit = (id: string, detail: string) => ({ id, detail });

export const pathHeuristics: Heuristic[] = [
  {
    id: 'TL-PATH-USERWRITABLE-WIN',
    title: 'Runs from a user-writable Windows folder',
    explanation: 'Anything in AppData, Temp, Public or Downloads can be dropped or replaced without admin rights.',
    attack: 'T1053.005',
    family: 'path',
    severity: 3,
    reference: 'Sigma: Schtasks From Suspicious Folders (8a8379b8-780b-4dbf-b1e9-31c8d112fefb)',
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [
        { command: 'C:\\Users\\bob\\AppData\\Roaming\\upd\\upd.exe' },
        { command: 'powershell.exe -File %TEMP%\\a.ps1' },
        { command: 'C:\\Users\\Public\\run.bat' },
        { command: 'c:\\tmp\\mim.exe x' },
      ],
      negative: [{ command: 'C:\\Windows\\System32\\defrag.exe -c' }, { command: '"C:\\Program Files\\App\\app.exe" /x' }],
    },
    test(i) {
      const ev = userWritable(i);
      return ev ? hit(this.id, `runs ${basename(ev.path)} from ${ev.where} (${ev.path})`) : null;
    },
  },
  {
    id: 'TL-PATH-USERWRITABLE-UNIX',
    title: 'Runs from /tmp, /var/tmp, /dev/shm or another world-writable folder',
    explanation: 'Stock jobs never execute from world-writable scratch space; droppers and miners do.',
    attack: 'T1053.003',
    family: 'path',
    severity: 4,
    reference: 'Sigma: Scheduled Cron Task/Job - Linux (6b14bac8-3e3a-4324-8109-42f0546a347f)',
    appliesTo: ['cron', 'systemd_timer', 'launchd', 'at'],
    examples: {
      positive: [
        { family: 'cron', command: '/tmp/.x/kworker' },
        { family: 'cron', command: 'cd / && bash /dev/shm/run.sh >/dev/null 2>&1' },
        { family: 'launchd', command: '/Users/Shared/agent', imagePath: '/Users/Shared/agent' },
      ],
      negative: [
        { family: 'cron', command: 'find /tmp -type f -mtime +7 -delete' },
        { family: 'cron', command: 'run-parts /etc/cron.daily' },
        { family: 'launchd', command: 'touch /tmp/x.txt', imagePath: 'touch' },
      ],
    },
    test(i) {
      const ev = userWritable(i);
      return ev ? hit(this.id, `executes ${ev.path} from ${ev.where}`) : null;
    },
  },
  {
    id: 'TL-PATH-PROGRAMDATA',
    title: 'Runs from a non-Microsoft folder in C:\\ProgramData',
    explanation: 'ProgramData is writable by every user by default and a common drop location for loaders.',
    attack: 'T1053.005',
    family: 'path',
    severity: 2,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'C:\\ProgramData\\svc\\svc.exe' }, { command: 'wscript.exe C:\\ProgramData\\a.vbs' }],
      negative: [
        { command: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.1\\MsMpEng.exe' },
        { command: 'C:\\Windows\\System32\\sc.exe' },
      ],
    },
    test(i) {
      const p = launchedPaths(i).find((x) => /^c:\\programdata\\/i.test(x) && !/^c:\\programdata\\microsoft\\/i.test(x));
      return p ? hit(this.id, `runs ${p}`) : null;
    },
  },
  {
    id: 'TL-PATH-RECYCLEBIN',
    title: 'Executable inside the Recycle Bin',
    explanation: 'Nothing legitimate executes from $Recycle.Bin; it is a hiding place for payloads.',
    attack: 'T1564.001',
    family: 'path',
    severity: 5,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'C:\\$Recycle.Bin\\S-1-5-21-1-2-3-1001\\x.exe' }, { command: 'C:\\RECYCLER\\a.exe' }],
      negative: [{ command: 'C:\\Windows\\explorer.exe' }],
    },
    test(i) {
      const p = launchedPaths(i).find((x) => /\\(?:\$recycle\.bin|recycler)\\/i.test(x));
      return p ? hit(this.id, `runs ${p}`) : null;
    },
  },
  {
    id: 'TL-PATH-DRIVEROOT',
    title: 'Executable in the root or an ad-hoc top-level folder of a drive',
    explanation: 'Installers use Program Files; binaries at C:\\x.exe or C:\\<new folder>\\ are usually hand-dropped.',
    attack: 'T1053.005',
    family: 'path',
    severity: 3,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'C:\\update.exe' }, { command: 'C:\\malware\\evil.exe' }, { command: 'cmd /c D:\\x.bat' }],
      negative: [
        { command: 'C:\\Windows\\System32\\cmd.exe' },
        { command: 'C:\\Program Files (x86)\\A\\a.exe' },
        { command: 'C:\\Users\\Public\\a.exe' },
      ],
    },
    test(i) {
      const stock = /^[a-z]:\\(?:windows|program files|program files \(x86\)|programdata|users|\$recycle\.bin|recycler|temp|tmp|perflogs)\\/i;
      const p = launchedPaths(i).find((x) => /^[a-z]:\\(?:[^\\]+\\)?[^\\]+$/i.test(x) && !stock.test(x));
      if (!p) return null;
      const atRoot = /^[a-z]:\\[^\\]+$/i.test(p);
      return hit(this.id, atRoot ? `runs ${p} from the drive root` : `runs ${p} from a non-standard top-level folder`);
    },
  },
  {
    id: 'TL-PATH-WINDOWS-WRITABLE',
    title: 'Runs from a world-writable folder inside C:\\Windows',
    explanation: 'Tasks, Tracing, Temp and spool\\drivers\\color under C:\\Windows are user-writable and slip past "under Windows" allowlists.',
    attack: 'T1036.005',
    family: 'path',
    severity: 4,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [
        { command: 'C:\\Windows\\Tasks\\a.exe' },
        { command: 'C:\\Windows\\System32\\spool\\drivers\\color\\x.exe' },
        { command: 'C:\\Windows\\Tracing\\t.exe' },
      ],
      negative: [{ command: 'C:\\Windows\\System32\\taskhostw.exe' }],
    },
    test(i) {
      const re = /^c:\\windows\\(?:tasks|tracing|registration\\crmlog|system32\\(?:tasks|spool\\(?:drivers\\color|printers)|microsoft\\crypto\\rsa\\machinekeys|com\\dmp|fxstmp)|syswow64\\(?:tasks|com\\dmp|fxstmp))\\/i;
      const p = launchedPaths(i).find((x) => re.test(x));
      return p ? hit(this.id, `runs ${p}`) : null;
    },
  },
  {
    id: 'TL-PATH-DOUBLE-EXT',
    title: 'Double extension such as invoice.pdf.exe',
    explanation: 'A document extension before the real one is a lure to make an executable look like a file.',
    attack: 'T1036.007',
    family: 'path',
    severity: 4,
    examples: {
      positive: [{ command: 'C:\\Users\\a\\Downloads\\invoice.pdf.exe' }, { command: 'wscript.exe c:\\x\\scan.jpg.vbs' }],
      negative: [{ command: 'C:\\Program Files\\App\\app.config.exe' }, { command: 'C:\\a\\setup.exe' }],
    },
    test(i) {
      const re = /\.(?:pdf|docx?|xlsx?|pptx?|rtf|txt|jpe?g|png|gif|zip|rar|mp3|mp4|csv|html?)\.(?:exe|scr|com|bat|cmd|vbs|js|jse|hta|lnk|ps1|pif)(?![a-z0-9])/i;
      const m = re.exec(i.command) ?? re.exec(i.imagePath ?? '');
      return m ? hit(this.id, `double extension "${m[0]}"`) : null;
    },
  },
  {
    id: 'TL-PATH-HIDDEN-DIR-UNIX',
    title: 'Executable inside a hidden (dot) directory',
    explanation: 'Dropped Linux/macOS implants hide in dot-folders such as /tmp/.X1 or ~/.cache/.sys.',
    attack: 'T1564.001',
    family: 'path',
    severity: 3,
    appliesTo: ['cron', 'systemd_timer', 'launchd', 'at'],
    examples: {
      positive: [{ family: 'cron', command: '/var/tmp/.ICE/x' }, { family: 'cron', command: 'bash /home/u/.cache/.s/s.sh' }],
      negative: [
        { family: 'cron', command: '/home/u/.local/bin/backup.sh' },
        { family: 'cron', command: 'cd /srv/app && ./run' },
      ],
    },
    test(i) {
      const benign = new Set(['.local', '.config', '.cargo', '.nvm', '.pyenv', '.rbenv', '.sdkman', '.npm', '.acme.sh', '.deno', '.bun', '.volta', '.rvm', '.asdf']);
      for (const p of launchedPaths(i)) {
        if (!p.startsWith('/') && !p.startsWith('~')) continue;
        const dirs = p.split('/').slice(0, -1);
        const dot = dirs.find((d) => d.startsWith('.') && d !== '.' && d !== '..' && !benign.has(d));
        if (dot) return hit(this.id, `runs ${p} from hidden directory ${dot}`);
      }
      return null;
    },
  },
];

/** Reused by masquerade rules: is this image where Windows itself ships binaries? */
export function inWindowsSystemDir(path: string): boolean {
  return /^c:\\windows\\(?:system32|syswow64|winsxs|servicing)\\/i.test(path) || /^c:\\windows\\[^\\]+$/i.test(path);
}
export { isWindows };
