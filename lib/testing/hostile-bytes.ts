import { gzipSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';

/** Byte builders for the hostile corpus: small valid exports of every format, and the containers around them. */

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const utf16le = (s: string, bom = true): Uint8Array =>
  new Uint8Array(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), iconv.encode(s, 'utf-16le')]));
export const utf16be = (s: string): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')]));
export const cp1252 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'cp1252'));
export const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
export const half = (b: Uint8Array): Uint8Array => b.slice(0, Math.floor(b.length / 2));
export const gzip = (b: Uint8Array): Uint8Array => new Uint8Array(gzipSync(b));

/** Deterministic pseudo-random junk (xorshift), so failures reproduce. */
export function junk(size: number, seed = 42): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function zip(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [name, v] of Object.entries(files)) z[name] = typeof v === 'string' ? utf8(v) : v;
  return zipSync(z, { level });
}

export interface TarMember {
  name: string;
  content?: string | Uint8Array;
  /** ustar type flag: '0' file, '1' hard link, '2' symlink, '3' char device, '5' directory. */
  type?: '0' | '1' | '2' | '3' | '5';
  linkname?: string;
}

/**
 * A hand-rolled ustar writer: tar-stream normalizes names, and the corpus needs exactly the hostile ones
 * (absolute, `..`, links) that a well-behaved writer would refuse to produce.
 */
export function tar(members: TarMember[]): Uint8Array {
  const blocks: Buffer[] = [];
  for (const m of members) {
    const body = m.content === undefined ? Buffer.alloc(0) : Buffer.from(typeof m.content === 'string' ? utf8(m.content) : m.content);
    const h = Buffer.alloc(512);
    h.write(m.name.slice(0, 100), 0, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write(m.type ?? '0', 156);
    if (m.linkname) h.write(m.linkname.slice(0, 100), 157);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const byte of h) sum += byte;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return new Uint8Array(Buffer.concat(blocks));
}

const csvField = (v: string) => `"${v.replace(/"/g, '""')}"`;

export const AUTORUNS_HEADER = 'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String';

/** An autorunsc CSV (UTF-16LE with BOM, CRLF, as autorunsc writes it) with one Logon row per [entry, launch]. */
export function autorunsCsv(rows: [string, string][], encode: (s: string) => Uint8Array = utf16le): Uint8Array {
  const loc = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
  const lines = rows.map(([entry, launch]) =>
    ['20240101-000000', loc, entry, 'enabled', 'Logon', 'System-wide', 'desc', '(Verified) Microsoft Windows', 'Microsoft', 'c:\\windows\\system32\\x.exe', '1.0', launch].map(csvField).join(','),
  );
  return encode([AUTORUNS_HEADER, ...lines].join('\r\n') + '\r\n');
}

export const SCHTASKS_CSV = [
  '"HostName","TaskName","Next Run Time","Status","Logon Mode","Last Run Time","Last Result","Author","Task To Run","Start In","Comment","Scheduled Task State","Idle Time","Power Management","Run As User","Delete Task If Not Rescheduled","Stop Task If Runs X Hours and X Mins","Schedule","Schedule Type","Start Time","Start Date","End Date","Days","Months","Repeat: Every","Repeat: Until: Time","Repeat: Until: Duration","Repeat: Stop If Still Running"',
  '"WS-01","\\Backup","21/11/2026 03:00:00","Ready","Interactive/Background","20/11/2026 03:00:00","0","WS-01\\admin","C:\\tools\\backup.exe /all","N/A","N/A","Enabled","Disabled","Stop On Battery Mode","SYSTEM","Disabled","72:00:00","Scheduling data is not available in this format.","Daily ","03:00:00","01/01/2026","N/A","Every 1 day(s)","N/A","Disabled","Disabled","Disabled","Disabled"',
  '"WS-01","\\Updater","21/11/2026 04:00:00","Ready","Interactive/Background","N/A","1","WS-01\\admin","C:\\tools\\update.exe","N/A","N/A","Enabled","Disabled","Stop On Battery Mode","SYSTEM","Disabled","72:00:00","Scheduling data is not available in this format.","Daily ","04:00:00","01/01/2026","N/A","Every 1 day(s)","N/A","Disabled","Disabled","Disabled","Disabled"',
].join('\r\n') + '\r\n';

export const SCHTASKS_LIST = [
  '',
  'Folder: \\',
  'HostName:                             WS-02',
  'TaskName:                             \\Backup',
  'Next Run Time:                        21/11/2026 03:00:00',
  'Status:                               Ready',
  'Logon Mode:                           Interactive/Background',
  'Last Run Time:                        N/A',
  'Last Result:                          1',
  'Author:                               WS-02\\admin',
  'Task To Run:                          C:\\tools\\backup.exe /all',
  'Start In:                             N/A',
  'Comment:                              N/A',
  'Scheduled Task State:                 Enabled',
  'Run As User:                          SYSTEM',
  'Schedule Type:                        Daily ',
  'Start Time:                           03:00:00',
  '',
].join('\r\n');

export function taskXml(name = 'Backup', command = 'C:\\tools\\backup.exe'): string {
  return `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Author>WS-03\\admin</Author><URI>\\${name}</URI></RegistrationInfo>
  <Triggers><CalendarTrigger><StartBoundary>2026-01-01T03:00:00</StartBoundary><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger></Triggers>
  <Principals><Principal id="Author"><UserId>S-1-5-18</UserId><RunLevel>HighestAvailable</RunLevel></Principal></Principals>
  <Actions Context="Author"><Exec><Command>${command}</Command><Arguments>/all</Arguments></Exec></Actions>
</Task>
`;
}

export const CRONTAB = 'SHELL=/bin/sh\nPATH=/usr/bin:/bin\n# m h dom mon dow user command\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n0 3 * * * root /usr/local/bin/backup.sh --all\n@reboot root /usr/local/bin/warmup\n';

export const LIST_TIMERS = [
  'NEXT                        LEFT          LAST                        PASSED       UNIT                         ACTIVATES',
  'Fri 2026-11-20 07:00:00 UTC 55min left    Fri 2026-11-20 06:00:00 UTC 4min ago     logrotate.timer              logrotate.service',
  'Sat 2026-11-21 00:00:00 UTC 17h left      Fri 2026-11-20 00:00:00 UTC 6h ago       man-db.timer                 man-db.service',
  '',
  '2 timers listed.',
  'Pass --all to see loaded but inactive timers, too.',
  '',
].join('\n');

export const LAUNCHD_PLIST = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>com.example.backup</string>
  <key>ProgramArguments</key><array><string>/usr/local/bin/backup</string><string>--all</string></array>
  <key>StartCalendarInterval</key><dict><key>Hour</key><integer>3</integer></dict>
</dict>
</plist>
`;

export function osqueryLines(hosts: string[], perHost = 1): string {
  const lines: string[] = [];
  for (const host of hosts) {
    for (let i = 0; i < perHost; i++) {
      const columns = { event: '', minute: '0', hour: String(i % 24), day_of_month: '*', month: '*', day_of_week: '*', command: `/usr/bin/job-${i}`, path: '/etc/crontab' };
      lines.push(JSON.stringify({ name: 'pack_linux_crontab', hostIdentifier: host, calendarTime: 'Fri Nov 20 06:00:00 2026 UTC', unixTime: 1795154400, columns, action: 'added' }));
    }
  }
  return lines.join('\n') + '\n';
}

export const SCHEDULEDTASK_CSV = [
  '"TaskPath","TaskName","State","Execute","Arguments","UserId","PSComputerName"',
  '"\\","Updater","Ready","C:\\Program Files\\Vendor\\up.exe","/silent","S-1-5-18","PC1"',
  '"\\Vendor\\","Cleaner","Disabled","C:\\Program Files\\Vendor\\clean.exe","","S-1-5-18","PC1"',
].join('\r\n') + '\r\n';

export const HAYABUSA_JSONL = [
  { Timestamp: '2021-01-27 03:15:40.117 +00:00', RuleTitle: 'Task Scheduler Action Started', Level: 'info', Computer: 'RE-Dev', Channel: 'TaskSch', EventID: 200, RecordID: 1003, Details: { Name: '\\T1053_005_OnLogon', Action: 'C:\\Windows\\System32\\cmd.exe' } },
  { Timestamp: '2021-01-27 03:15:41.117 +00:00', RuleTitle: 'Task Scheduler Action Started', Level: 'info', Computer: 'RE-Dev', Channel: 'TaskSch', EventID: 200, RecordID: 1004, Details: { Name: '\\T1053_005_Other', Action: 'C:\\Windows\\System32\\cmd.exe' } },
].map((o) => JSON.stringify(o)).join('\n') + '\n';

export const ATQ = '1\tFri Sep 25 17:30:00 2009 a root\n2\tFri Sep 25 18:30:00 2009 a root\n';
