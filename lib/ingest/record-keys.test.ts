import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fleetFiles, generateFleet } from '@/lib/demo';
import { readSample, samplePath } from '@/lib/testing/samples';
import { autorunsParser } from './autoruns';
import { identityOf } from './normalize';
import { CanonicalRecords, recordKeys } from './record-keys';
import { ROW_SOURCE, type JobRecord } from './types';
import { variantFields, variantKey } from './variant-key';

const utf8 = (s: string) => new TextEncoder().encode(s);
const parse = (bytes: Uint8Array) => autorunsParser.parse(bytes, {}).records;

/** The keys as computed from the record's own fields, with no cache: what the stored keys have always been. */
function direct(rec: JobRecord) {
  const identity = identityOf(rec);
  return { identity, variantKey: variantKey(identity.key, variantFields(rec)) };
}

const inputs: [string, Uint8Array][] = [
  ...readdirSync(samplePath('autoruns')).map((f) => [`samples/autoruns/${f}`, readSample(`autoruns/${f}`)] as [string, Uint8Array]),
  ...[...fleetFiles(generateFleet({ hosts: 4, days: 2, seed: 3, formats: ['autoruns'], churn: 0.3 }))]
    .filter((f) => f.format === 'autoruns')
    .map((f) => [f.path, f.bytes] as [string, Uint8Array]),
];

describe('record keys', () => {
  it.each(inputs)('%s: the same keys as computed directly, parsed once and again (cache hits)', (_name, bytes) => {
    for (let pass = 0; pass < 2; pass++) {
      const records = parse(bytes);
      expect(records.length).toBeGreaterThan(0);
      for (const rec of records) expect(recordKeys(rec)).toEqual(direct(rec));
    }
  });

  it('the same row under another header is another record, with its own keys', () => {
    const row = '"HKLM\\Run","Tool","enabled","Logon","System-wide","Made by A","(Verified) A","B","c:\\t.exe","c:\\t.exe /x"';
    const a = parse(utf8(`Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Launch String\r\n${row}\r\n`))[0]!;
    const b = parse(utf8(`Entry Location,Entry,Enabled,Category,Profile,Company,Signer,Description,Image Path,Launch String\r\n${row}\r\n`))[0]!;
    expect(a[ROW_SOURCE]!.text).toBe(b[ROW_SOURCE]!.text);
    expect(recordKeys(a)).toEqual(direct(a));
    expect(recordKeys(b)).toEqual(direct(b));
    expect(recordKeys(a).variantKey).not.toBe(recordKeys(b).variantKey);
  });

  it('stay right after the cache has turned over twice (60,000 other rows of 500 characters)', () => {
    const head = 'Entry Location,Entry,Enabled,Category,Description,Image Path,Launch String\r\n';
    const row = (name: string, description = '') => `HKLM\\Run,${name},enabled,Logon,${description},c:\\${name}.exe,c:\\${name}.exe`;
    const first = parse(utf8(`${head}${row('First')}\r\n`))[0]!;
    const firstKeys = recordKeys(first);
    const many = parse(utf8(head + Array.from({ length: 60_000 }, (_, i) => row(`E${i}`, 'd'.repeat(450))).join('\r\n')));
    for (const rec of many) recordKeys(rec);
    const again = parse(utf8(`${head}${row('First')}\r\n`))[0]!;
    expect(recordKeys(again)).toEqual(firstKeys);
    expect(recordKeys(many[0]!)).toEqual(direct(many[0]!));
    expect(recordKeys(many.at(-1)!)).toEqual(direct(many.at(-1)!));
  });

  it('rows too long to cache are keyed from their fields, every time', () => {
    const csv = `Entry Location,Entry,Enabled,Category,Description,Image Path,Launch String\r\nHKLM\\Run,Long,enabled,Logon,${'d'.repeat(10_000)},c:\\l.exe,c:\\l.exe\r\n`;
    for (let pass = 0; pass < 2; pass++) {
      const [rec] = parse(utf8(csv));
      expect(recordKeys(rec!)).toEqual(direct(rec!));
    }
  });

  it('records without a row source (other formats) are keyed from their fields', () => {
    const rec = { family: 'cron', name: 'root: backup', command: '/usr/local/bin/backup.sh', schedule: '0 3 * * *', raw: 'x' } as JobRecord;
    expect(recordKeys(rec)).toEqual(direct(rec));
    expect(recordKeys({ ...rec, schedule: '0 4 * * *' }).variantKey).not.toBe(recordKeys(rec).variantKey);
  });
});

describe('canonical records of hosts stored together', () => {
  const head = 'Time,Entry Location,Entry,Enabled,Category,Image Path,Launch String\r\n';
  const csv = (...rows: string[]) => utf8(head + rows.join('\r\n'));

  it('one object per variant: the first sighting, whatever the line, time and host of the others', () => {
    const canonical = new CanonicalRecords();
    const [first] = parse(csv('1/1/2024 1:00 AM,HKLM\\Run,A,enabled,Logon,c:\\a.exe,c:\\a.exe'));
    const [, other] = parse(csv('1/1/2024 1:00 AM,HKLM\\Run,B,enabled,Logon,c:\\b.exe,c:\\b.exe', '1/1/2025 2:00 AM,HKLM\\Run,A,enabled,Logon,c:\\a.exe,c:\\a.exe'));
    expect(canonical.of(first!)).toBe(first);
    expect(canonical.of(other!)).toBe(first);
  });

  it('a field of the variant that differs keeps its own record', () => {
    const canonical = new CanonicalRecords();
    const [a, b] = parse(csv('1/1/2024 1:00 AM,HKLM\\Run,A,enabled,Logon,c:\\a.exe,c:\\a.exe', '1/1/2024 1:00 AM,HKLM\\Run,A,disabled,Logon,c:\\a.exe,c:\\a.exe'));
    expect(canonical.of(a!)).toBe(a);
    expect(canonical.of(b!)).toBe(b);
  });

  it('starts over once cleared; records of other formats are canonical by variant too', () => {
    const canonical = new CanonicalRecords();
    canonical.of(parse(csv('1/1/2024 1:00 AM,HKLM\\Run,A,enabled,Logon,c:\\a.exe,c:\\a.exe'))[0]!);
    canonical.clear();
    const later = parse(csv('1/1/2024 1:00 AM,HKLM\\Run,A,enabled,Logon,c:\\a.exe,c:\\a.exe'))[0]!;
    expect(canonical.of(later)).toBe(later);
    const cron = { family: 'cron', name: 'n', command: 'c', raw: 'x' } as JobRecord;
    expect(canonical.of(cron)).toBe(cron);
    expect(canonical.of({ ...cron })).toBe(cron);
    const changed = { ...cron, command: 'd' };
    expect(canonical.of(changed)).toBe(changed);
    expect(recordKeys(changed)).toEqual(direct(changed));
  });

  it('a canonical record keeps its keys for the store', () => {
    const canonical = new CanonicalRecords();
    const cron = { family: 'cron', name: 'n', command: 'c', schedule: '0 3 * * *', raw: 'x' } as JobRecord;
    const keys = recordKeys(canonical.of(cron));
    expect(recordKeys(cron)).toBe(keys);
    expect(keys).toEqual(direct(cron));
  });
});
