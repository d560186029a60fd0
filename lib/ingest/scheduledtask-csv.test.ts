import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSample } from '../testing/samples';
import { scheduledTaskCsvParser } from './scheduledtask-csv';
import { ParseError } from './types';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const SAMPLE = 'schtasks/Michaelunkai_GetScheduledTask_Select_ExportCsv.csv';

describe('Get-ScheduledTask | Export-Csv', () => {
  it('reads the real TaskName,TaskPath,State export with one file-level warning', () => {
    const r = scheduledTaskCsvParser.parse(readSample(SAMPLE), {});
    expect(r.format).toBe('scheduledtask_csv');
    expect(r.os).toBe('windows');
    expect(r.records).toHaveLength(63);
    expect(r.records.filter((x) => x.enabled === false)).toHaveLength(49);
    expect(r.records.filter((x) => x.enabled === true)).toHaveLength(14);
    expect(r.records[0]).toMatchObject({ name: '\\AIMemoryBoost', command: '', enabled: false, host: null, line: 2,
      raw: { TaskName: 'AIMemoryBoost', TaskPath: '\\', State: 'Disabled' } });
    expect(r.records.map((x) => x.name)).toContain(
      '\\GoogleSystem\\GoogleUpdater\\GoogleUpdaterTaskSystem149.0.7814.0{06A04B12-6563-4401-AA1B-8DCBD530A02D}');
    expect(r.records.at(-1)!.name).toBe('\\SoftLanding\\S-1-5-21-4273236717-3318517009-3029446451-1001\\SoftLandingCreativeManagementTask');
    expect(r.warnings).toEqual([{ line: null, message: 'Export has no action column (e.g. Actions.Execute): task commands are absent' }]);
  });

  it('sniffs Export-Csv but not schtasks, autoruns or cron', () => {
    const text = new TextDecoder().decode(readSample(SAMPLE));
    expect(scheduledTaskCsvParser.sniff(text, {})).toBeGreaterThan(0.9);
    expect(scheduledTaskCsvParser.sniff('#TYPE Microsoft.Management.Infrastructure.CimInstance#Root/Microsoft/Windows/TaskScheduler/MSFT_ScheduledTask\n', {})).toBeGreaterThan(0.95);
    const schtasks = new TextDecoder().decode(readSample('schtasks/resticprofile_schtasks_fo_csv_v_enGB_2rows_same_task.csv'));
    expect(scheduledTaskCsvParser.sniff(schtasks, {})).toBe(0);
    expect(scheduledTaskCsvParser.sniff('"TaskName","Next Run Time","Status"\r\n', {})).toBe(0);
    expect(scheduledTaskCsvParser.sniff('Time,Entry Location,Entry,Enabled,Category\n', {})).toBe(0);
    expect(scheduledTaskCsvParser.sniff('*/5 * * * * /usr/bin/true\n', {})).toBe(0);
    expect(scheduledTaskCsvParser.sniff('[{"TaskName":"x"}]', {})).toBe(0);
  });

  it('reads the default PowerShell 5.1 object dump (#TYPE, CimInstance type names, PSComputerName)', () => {
    const text = [
      '#TYPE Microsoft.Management.Infrastructure.CimInstance#Root/Microsoft/Windows/TaskScheduler/MSFT_ScheduledTask',
      '"Actions","Author","Date","Description","Documentation","Principal","SecurityDescriptor","Settings","Source","State","TaskName","TaskPath","Triggers","URI","Version","PSComputerName"',
      '"Microsoft.Management.Infrastructure.CimInstance[]","Mozilla","2023-01-05T10:00:00",,,"MSFT_TaskPrincipal2",,"MSFT_TaskSettings3",,"Ready","Firefox Default Browser Agent","\\Mozilla\\","Microsoft.Management.Infrastructure.CimInstance[]","\\Mozilla\\Firefox Default Browser Agent",,"WS-042"',
    ].join('\r\n');
    const r = scheduledTaskCsvParser.parse(utf8(text), {});
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ name: '\\Mozilla\\Firefox Default Browser Agent', command: '', runAs: null,
      author: 'Mozilla', registeredAt: '2023-01-05T10:00:00', host: 'WS-042', enabled: true, schedule: null, triggers: [] });
    expect(r.host).toBe('WS-042');
    expect(r.warnings).toHaveLength(1);
  });

  it('builds launch strings from Actions.Execute / Arguments / ClassId columns (UTF-16 with BOM)', () => {
    const text = [
      '"TaskPath","TaskName","State","Execute","Arguments","ClassId","UserId","RunLevel","LastRunTime","NextRunTime","PSComputerName"',
      '"\\","Updater","Ready","C:\\Program Files\\Vendor\\up.exe","/silent ""quoted""",,"S-1-5-18","Highest","13/02/2025 17:15:00","14/02/2025 17:15:00","PC1"',
      '"\\Microsoft\\Windows\\Maps\\","MapsUpdateTask","Disabled",,,"{B9033E87-33CF-4D77-BC9B-895AFBBA72E4}","S-1-5-20",,"30/11/1999 00:00:00",,"PC1"',
      '"\\Multi\\","Two","Ready","a.exe;b.exe","-x;-y",,"CONTOSO\\svc",,,,"PC2"',
    ].join('\r\n');
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const r = scheduledTaskCsvParser.parse(bytes, {});
    expect(r.warnings).toEqual([]);
    expect(r.host).toBeNull();
    expect(r.records.map((x) => [x.name, x.kind, x.command, x.runAs, x.enabled, x.host])).toEqual([
      ['\\Updater', 'exec', '"C:\\Program Files\\Vendor\\up.exe" /silent "quoted"', 'SYSTEM', true, 'PC1'],
      ['\\Microsoft\\Windows\\Maps\\MapsUpdateTask', 'com_handler', 'HKCR\\CLSID\\{B9033E87-33CF-4D77-BC9B-895AFBBA72E4}', 'NETWORK SERVICE', false, 'PC1'],
      ['\\Multi\\Two', 'exec', '"a.exe" -x', 'CONTOSO\\svc', true, 'PC2'],
    ]);
    expect(r.records[0]).toMatchObject({ imagePath: 'C:\\Program Files\\Vendor\\up.exe', runLevel: 'Highest',
      lastRunAt: '2025-02-13T17:15:00', nextRunAt: '2025-02-14T17:15:00' });
    expect(r.records[1].lastRunAt).toBeNull();
  });

  it('accepts a semicolon-separated -UseCulture export and skips rows without a name', () => {
    const r = scheduledTaskCsvParser.parse(utf8('"TaskName";"TaskPath";"State"\n"Job";"\\Ops\\";"Running"\n"";"\\";"Ready"\n'), {});
    expect(r.records.map((x) => [x.name, x.enabled])).toEqual([['\\Ops\\Job', true]]);
    expect(r.warnings.map((w) => w.line)).toEqual([3, null]);
  });
});

it('scheduledTaskCsvParser only ever fails with ParseError on malformed input', () => {
  const piece = fc.constantFrom('"', ',', ';', '\n', ':', ' ', 'é', '\\', 'HostName', 'TaskName', 'TaskPath', '<Task>', '</Task>',
    '<Tasks>', '<!--', '-->', '#TYPE', 'N/A', '<', '&', '<?xml ?>');
  fc.assert(fc.property(fc.array(piece, { maxLength: 50 }), (pieces) => {
    const text = pieces.join('');
    expect(scheduledTaskCsvParser.sniff(text, {})).toBeGreaterThanOrEqual(0);
    try {
      scheduledTaskCsvParser.parse(new Uint8Array(Buffer.from(text)), {});
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
    }
  }), { numRuns: 500 });
});
