import { ARCHIVE_CASES } from './hostile-corpus-archives';
import type { FormatId } from '@/lib/ingest/types';
import * as B from './hostile-bytes';

/**
 * Hostile and broken inputs (PRODUCT.md §10), generated in code so the corpus needs no fixtures. Each case says
 * what the ingest must do with it: refuse the whole upload with a message naming the problem, or store what it can
 * and say what it skipped. lib/ingest/hostile-corpus.test.ts runs every case; e2e/hostile-inputs.spec.ts posts the
 * `api` subset over HTTP.
 */
export interface HostileCase {
  id: string;
  fileName: string;
  bytes: () => Uint8Array;
  /** The upload's "host" field; '*' means "a host unique to this case" (filled in by the runner). */
  host?: string;
  outcome: 'reject' | 'accept';
  /** reject: the error message; accept: at least one warning (upload or snapshot) must match. */
  message?: RegExp;
  /** The upload's "format" field (detection skipped). */
  format?: FormatId;
  /** Big inputs (100 MB, 100,001 members): integration test only. */
  heavy?: boolean;
  /** Minutes of database work (10,000 hosts): only with TASKLENS_SLOW_TESTS=1; npm test parses it without storing. */
  slow?: boolean;
  /** Part of the representative subset posted through the HTTP API. */
  api?: boolean;
}

const FORMULAS = ["=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"];
const SCRIPTS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '"><svg/onload=alert(1)>'];

function cronWithBadLines(bad: number): string {
  const lines = ['0 3 * * * root /usr/local/bin/good-job'];
  // Cron-shaped but broken: out-of-range fields, too few fields, a schedule without a command, unknown macros.
  const shapes = [(i: number) => `${60 + (i % 40)} 3 * * * root /bin/bad-${i}`, (i: number) => `* * * root-${i}`, () => '0 3 * * *', (i: number) => `@sometimes /bin/x-${i}`];
  for (let i = 0; i < bad; i++) lines.push(shapes[i % shapes.length](i));
  return lines.join('\n') + '\n';
}

/** A crontab whose one job line is `size` bytes long (no newline until the end). */
function longCronLine(size: number): Uint8Array {
  const head = B.utf8('0 3 * * * root /bin/echo ');
  const out = new Uint8Array(head.length + size + 1).fill(0x41);
  out.set(head, 0);
  out[out.length - 1] = 0x0a;
  return out;
}

const FORMAT_CASES: HostileCase[] = [
  // Truncated files of each format: cut in the middle of a row, a tag or a string.
  { id: 'truncated-autoruns-utf16-odd-byte', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /Malformed CSV at line \d+: Quote Not Closed/, bytes: () => B.half(B.autorunsCsv([['A', 'c:\\a.exe /x'], ['B', 'c:\\b.exe'], ['C', 'c:\\c.exe']])).slice(0, -1) },
  { id: 'truncated-schtasks-csv', fileName: 'schtasks.csv', outcome: 'accept', bytes: () => B.utf8(B.SCHTASKS_CSV.slice(0, B.SCHTASKS_CSV.length - 200)) },
  { id: 'truncated-schtasks-list', fileName: 'schtasks.txt', outcome: 'accept', bytes: () => B.utf8(B.SCHTASKS_LIST.slice(0, 200)) },
  { id: 'truncated-taskxml', fileName: 'Backup', host: '*', outcome: 'reject', message: /xml|task/i, bytes: () => B.half(B.utf16le(B.taskXml())), api: true },
  { id: 'truncated-cron', fileName: 'crontab', host: '*', outcome: 'accept', bytes: () => B.utf8(B.CRONTAB.slice(0, -12)) },
  { id: 'truncated-list-timers', fileName: 'timers.txt', host: '*', outcome: 'accept', bytes: () => B.utf8(B.LIST_TIMERS.slice(0, 200)) },
  { id: 'truncated-plist', fileName: 'com.example.backup.plist', host: '*', outcome: 'reject', message: /plist|xml/i, bytes: () => B.utf8(B.LAUNCHD_PLIST.slice(0, 300)), api: true },
  { id: 'truncated-binary-plist', fileName: 'b.plist', host: '*', outcome: 'reject', message: /property list/i, bytes: () => B.concat(B.utf8('bplist00'), B.junk(40, 7)) },
  { id: 'truncated-osquery-json', fileName: 'osquery.log', outcome: 'accept', message: /line 2|json/i, bytes: () => B.utf8(B.osqueryLines(['osq-trunc-1'], 2).slice(0, -40)) },
  { id: 'truncated-scheduledtask-csv', fileName: 'tasks.csv', outcome: 'reject', message: /Malformed CSV at line \d+/, bytes: () => B.utf8(B.SCHEDULEDTASK_CSV.slice(0, -30)) },
  { id: 'truncated-hayabusa-jsonl', fileName: 'hayabusa.jsonl', outcome: 'accept', bytes: () => B.utf8(B.HAYABUSA_JSONL.slice(0, -50)) },
  { id: 'truncated-atq', fileName: 'atq.txt', host: '*', outcome: 'accept', bytes: () => B.utf8(B.ATQ.slice(0, -9)) },
  // Encodings.
  { id: 'utf16le-no-bom-cron', fileName: 'crontab', host: '*', outcome: 'accept', bytes: () => B.utf16le(B.CRONTAB, false) },
  { id: 'utf16le-no-bom-autoruns', fileName: 'autoruns.csv', host: '*', outcome: 'accept', bytes: () => B.autorunsCsv([['A', 'c:\\a.exe']], (s) => B.utf16le(s, false)) },
  { id: 'utf16be-bom-cron', fileName: 'crontab', host: '*', outcome: 'accept', bytes: () => B.utf16be(B.CRONTAB) },
  { id: 'mixed-utf8-cp1252-cron', fileName: 'crontab', host: '*', outcome: 'accept', bytes: () => B.concat(B.utf8('0 1 * * * root /bin/echo café\n'), B.cp1252('0 2 * * * root /bin/echo résumé\n')) },
  { id: 'utf8-xml-declares-utf16', fileName: 'Task1', host: '*', outcome: 'accept', bytes: () => B.utf8(B.taskXml()) },
  { id: 'invalid-utf8-in-taskxml', fileName: 'Task2', host: '*', outcome: 'accept', bytes: () => B.concat(B.utf8(B.taskXml('Bad\u00e9').split('Bad\u00e9')[0]), new Uint8Array([0xc3, 0x28, 0xff]), B.utf8(B.taskXml('Bad\u00e9').split('Bad\u00e9')[1])) },
  { id: 'utf16-lone-surrogates', fileName: 'autoruns.csv', host: '*', outcome: 'accept', bytes: () => B.autorunsCsv([['Lone\ud800Surrogate', 'c:\\x\udc00.exe']]) },
  { id: 'bom-only', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /empty|not recognised/, bytes: () => new Uint8Array([0xff, 0xfe]) },
  // Junk and emptiness.
  { id: 'empty-file', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /empty/, bytes: () => new Uint8Array(0), api: true },
  { id: 'whitespace-only', fileName: 'crontab', host: '*', outcome: 'reject', message: /not recognised|empty/, bytes: () => B.utf8(' \r\n\t\n\n') },
  { id: 'binary-junk-csv-name', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /binary|not recognised/, bytes: () => B.junk(64 * 1024), api: true },
  { id: 'png-named-csv', fileName: 'schtasks.csv', host: '*', outcome: 'reject', message: /binary/, bytes: () => B.concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), B.junk(2000)) },
  { id: 'elf-named-crontab', fileName: 'crontab', host: '*', outcome: 'reject', message: /binary/, bytes: () => B.concat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), new Uint8Array(4000)) },
  { id: 'all-nul', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /binary|empty|not recognised/, bytes: () => new Uint8Array(10_000) },
  { id: 'prose-not-an-export', fileName: 'notes.csv', host: '*', outcome: 'reject', message: /not recognised/, bytes: () => B.utf8('Dear team,\nplease find the report attached.\nRegards\n'), api: true },
  // Structure: duplicated headers, columns, CSV oddities.
  { id: 'repeated-header-rows', fileName: 'schtasks.csv', outcome: 'accept', bytes: () => B.utf8(B.SCHTASKS_CSV + B.SCHTASKS_CSV + B.SCHTASKS_CSV) },
  { id: 'duplicated-column-names', fileName: 'autoruns.csv', host: '*', outcome: 'accept', bytes: () => B.utf8(`${B.AUTORUNS_HEADER},Entry,Entry\r\n"20240101-000000","HKLM\\Run","A","enabled","Logon","System-wide","d","s","c","c:\\a.exe","1","c:\\a.exe","B","C"\r\n`) },
  { id: 'millions-of-columns', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /no Autoruns header|longer than 1 MiB/, bytes: () => B.utf8(`${B.AUTORUNS_HEADER}${',x'.repeat(2_000_000)}\r\n`) },
  { id: 'nul-inside-csv-field', fileName: 'autoruns.csv', host: '*', outcome: 'reject', message: /binary/, bytes: () => B.autorunsCsv([['Nul\0Entry', 'c:\\a\0.exe']], B.utf8), api: true },
  { id: 'nul-after-first-4k', fileName: 'crontab', host: '*', outcome: 'accept', message: /NUL character/, bytes: () => B.utf8(`${'# padding comment line\n'.repeat(300)}0 3 * * * root /bin/echo nul\0here\n0 4 * * * root /bin/true\n`) },
  { id: 'unterminated-quote', fileName: 'schtasks.csv', outcome: 'accept', bytes: () => B.utf8(B.SCHTASKS_CSV + '"WS-01","\\Broken","N/A","Ready,"oops\r\n') },
  { id: 'crlf-lf-cr-mix', fileName: 'crontab', host: '*', outcome: 'accept', bytes: () => B.utf8('0 1 * * * root /bin/a\r\n0 2 * * * root /bin/b\n0 3 * * * root /bin/c\r0 4 * * * root /bin/d\r\n') },
  { id: 'one-good-1000-bad-cron-lines', fileName: 'crontab', host: '*', outcome: 'accept', message: /bad minute|fewer than 5 schedule fields|unknown macro/, bytes: () => B.utf8(cronWithBadLines(1000)), api: true },
  { id: 'long-cron-line-2mb', fileName: 'crontab', host: '*', outcome: 'reject', message: /line 1 is \d+ bytes long/, bytes: () => longCronLine(2 * 1024 * 1024), api: true },
  { id: 'single-line-100mb', fileName: 'crontab', host: '*', outcome: 'reject', message: /line 1 is \d+ bytes long/, bytes: () => longCronLine(100 * 1024 * 1024), heavy: true },
  // Payloads that must be stored as text.
  { id: 'formula-injection-cron', fileName: 'crontab', host: '*', outcome: 'accept', bytes: () => B.utf8(FORMULAS.map((f, i) => `${i} 3 * * * root ${f}`).join('\n') + '\n'), api: true },
  { id: 'formula-injection-autoruns', fileName: 'autoruns.csv', host: '*', outcome: 'accept', bytes: () => B.autorunsCsv(FORMULAS.map((f) => [f, f])) },
  { id: 'formula-injection-host-field', fileName: 'crontab', host: "=cmd|' /C calc'!A0", outcome: 'accept', bytes: () => B.utf8('0 3 * * * root /bin/true\n') },
  { id: 'script-payload-taskxml', fileName: 'Task3', host: '*', outcome: 'accept', bytes: () => B.utf16le(B.taskXml('&lt;script&gt;alert(1)&lt;/script&gt;', 'C:\\x.exe &lt;img src=x onerror=alert(1)&gt;')) },
  { id: 'script-payload-autoruns', fileName: 'autoruns.csv', host: '*', outcome: 'accept', bytes: () => B.autorunsCsv(SCRIPTS.map((s) => [s, `c:\\a.exe ${s}`])) },
  // Invalid XML and plists.
  { id: 'invalid-xml-unclosed', fileName: 'Task4', host: '*', outcome: 'reject', message: /xml|task/i, bytes: () => B.utf8(B.taskXml().replace('</Actions>', '')) },
  { id: 'xml-billion-laughs', fileName: 'Task5', host: '*', outcome: 'reject', message: /entit|doctype|xml|task/i, bytes: () => B.utf8(billionLaughs()), api: true },
  { id: 'xml-deep-nesting', fileName: 'Task6', host: '*', outcome: 'reject', message: /Invalid task XML: .*nested/i, bytes: () => B.utf8(`<?xml version="1.0"?><Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</Task>`) },
  { id: 'invalid-plist-xml', fileName: 'x.plist', host: '*', outcome: 'reject', message: /plist|xml/i, bytes: () => B.utf8(B.LAUNCHD_PLIST.replace('<string>com.example.backup</string>', '<string>com.example.backup</strin>')) },
  { id: 'plist-without-label', fileName: 'y.plist', host: '*', outcome: 'reject', message: /label|plist/i, bytes: () => B.utf8(B.LAUNCHD_PLIST.replace('<key>Label</key><string>com.example.backup</string>', '')) },
  { id: 'json-deep-nesting', fileName: 'osquery.json', host: '*', outcome: 'reject', message: /json|osquery|not recognised|nest/i, bytes: () => B.utf8(`{"name":"pack_linux_crontab","hostIdentifier":"deep","columns":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n`) },
];

function billionLaughs(): string {
  const ents = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i < 10; i++) ents.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE Task [${ents.join('')}]>\n<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><RegistrationInfo><URI>\\lol</URI><Description>&l9;</Description></RegistrationInfo><Actions><Exec><Command>&l9;</Command></Exec></Actions></Task>\n`;
}

export const HOSTILE_CORPUS: HostileCase[] = [...FORMAT_CASES, ...ARCHIVE_CASES];
