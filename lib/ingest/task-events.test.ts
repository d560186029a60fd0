import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSample } from '@/lib/testing/samples';
import { decodeBytes } from './decode';
import { taskEventsParser } from './task-events';
import { cultureTimeToIso, isoLikeToUtc, taskNameFromText } from './task-events-common';
import { ParseError } from './types';

const fixturePath = (dir: string, name: string) => path.join(__dirname, 'fixtures', dir, name);
const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath('task-events', name)));
const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (b: Uint8Array) => taskEventsParser.parse(b, {});
const sniff = (s: string) => taskEventsParser.sniff(s, {});
const TN = '\\T1053_005_OnLogon';

describe('EvtxECmd CSV', () => {
  const r = parse(fixture('20210127031800_EvtxECmd_Output.csv'));
  const events = r.events ?? [];

  it('keeps only task lifecycle IDs, in file order', () => {
    expect(r.format).toBe('task_events');
    expect(r.records).toEqual([]);
    expect(events.map((e) => e.eventId)).toEqual([106, 200, 201, 140, 141, 4698, 4699]);
    expect(r).toMatchObject({ host: 'RE-Dev', collectedAt: null, os: 'windows' });
  });

  it('reads task name from Payload, user from UserName, UTC times', () => {
    expect(events[0]).toMatchObject({
      host: 'RE-Dev',
      at: '2021-01-27T03:15:12.465Z',
      channel: 'Microsoft-Windows-TaskScheduler/Operational',
      taskName: TN,
      user: 'RE-DEV\\yolo',
      message: 'Scheduled task registered',
    });
    expect(events[1]).toMatchObject({ user: null, message: 'Scheduled task action started (action: C:\\Windows\\System32\\cmd.exe)' });
    expect(events[5]).toMatchObject({ eventId: 4698, channel: 'Security', taskName: TN, user: 'RE-DEV\\yolo', at: '2021-01-27T03:15:12.481Z' });
  });

  it('falls back to PayloadData1 when Payload is empty', () => {
    expect(events[3].taskName).toBe('\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan');
  });

  it('keeps the multi-line TaskContent in raw', () => {
    const raw = events[5].raw as Record<string, string>;
    expect(raw.PayloadData2).toMatch(/^TaskContent: <\?xml version="1.0" encoding="UTF-16"\?>\n<Task version="1.2"/);
    expect(raw.PayloadData2).toContain('<Arguments>/c calc.exe</Arguments>');
  });

  it('warns on bad times (with row line) and summarises skipped IDs', () => {
    expect(r.warnings).toEqual([
      { line: 29, message: 'Unreadable event time "27/01/2021 03:20"; event 4702 skipped' },
      { message: 'Skipped 2 event(s) that are not task lifecycle events: 100 (1), 4624 (1)' },
    ]);
  });

  it('reads EvtxECmd --json lines too', () => {
    const line = JSON.stringify({
      TimeCreated: '2021-01-27T03:15:12.4657632+00:00',
      EventId: 4702,
      Channel: 'Security',
      Computer: 'RE-Dev',
      MapDescription: 'A scheduled task was updated',
      UserName: 'RE-DEV\\yolo',
      PayloadData1: 'TaskName: \\Updater',
      Payload: '',
    });
    const j = parse(bytes(`${line}\n`));
    expect(j.events).toMatchObject([{ eventId: 4702, taskName: '\\Updater', user: 'RE-DEV\\yolo', at: '2021-01-27T03:15:12.465Z' }]);
  });

  it('skips a known ID that comes from an unrelated channel', () => {
    const csv =
      'RecordNumber,EventRecordId,TimeCreated,EventId,Channel,Computer,MapDescription,PayloadData1\r\n' +
      '1,1,2021-01-27 03:15:12.0000000,200,Microsoft-Windows-Diagnostics-Performance/Operational,H1,Boot,x\r\n' +
      '2,2,2021-01-27 03:15:13.0000000,141,Microsoft-Windows-TaskScheduler/Operational,H1,Deleted,Task: \\Gone\r\n';
    const res = parse(bytes(csv));
    expect(res.events?.map((e) => e.taskName)).toEqual(['\\Gone']);
    expect(res.warnings).toEqual([
      { message: 'Skipped 1 event(s) that are not task lifecycle events: 200@Microsoft-Windows-Diagnostics-Performance/Operational (1)' },
    ]);
  });
});

describe('hayabusa', () => {
  it('parses standard-profile CSV with ¦ details and offset timestamps', () => {
    const r = parse(fixture('hayabusa-standard.csv'));
    expect(r.events?.map((e) => [e.eventId, e.at, e.taskName, e.user, e.channel])).toEqual([
      [106, '2021-01-27T03:15:12.465Z', TN, 'RE-DEV\\yolo', 'Microsoft-Windows-TaskScheduler/Operational'],
      [4698, '2021-01-27T03:15:12.481Z', TN, 'RE-DEV\\yolo', 'Security'],
      [141, '2021-01-27T03:17:55.730Z', TN, 'RE-DEV\\yolo', 'Microsoft-Windows-TaskScheduler/Operational'],
    ]);
    expect(r.events?.[1].message).toBe('Scheduled Task Created');
    expect(r.warnings).toEqual([{ message: 'Skipped 1 event(s) that are not task lifecycle events: 4624 (1)' }]);
  });

  it('parses JSONL with object Details and reports the malformed line', () => {
    const r = parse(fixture('hayabusa.jsonl'));
    expect(r.events).toHaveLength(2);
    expect(r.events?.[0]).toMatchObject({ eventId: 200, taskName: TN, user: null, at: '2021-01-27T03:15:40.117Z', host: 'RE-Dev' });
    expect(r.events?.[1]).toMatchObject({ eventId: 4698, user: 'RE-DEV\\yolo' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ line: 2 });
    expect(r.warnings[0].message).toMatch(/^Invalid JSON line skipped/);
  });
});

describe('Get-WinEvent | Export-Csv', () => {
  it('parses PS 5.1 export with #TYPE line and en-US times', () => {
    const r = parse(fixture('get-winevent-export.csv'));
    const ev = r.events ?? [];
    expect(ev.map((e) => e.eventId)).toEqual([106, 200, 201, 4698, 141]);
    expect(ev.every((e) => e.taskName === TN)).toBe(true);
    expect(ev[0]).toMatchObject({ host: 'RE-Dev.corp.example', at: '2021-01-27T03:15:12.000Z', user: 'RE-DEV\\yolo' });
    expect(ev[3]).toMatchObject({ user: 'RE-DEV\\yolo', message: 'A scheduled task was created.' });
    expect(ev[4].at).toBe('2021-01-27T15:17:55.000Z');
    expect(r.warnings.map((w) => w.message)).toEqual([
      "Get-WinEvent TimeCreated is the exporting machine's local time without an offset; stored as if UTC",
      'Skipped 1 event(s) that are not task lifecycle events: 100 (1)',
    ]);
  });

  it('parses a -UseCulture (;) German export', () => {
    const csv =
      '"Message";"Id";"LogName";"MachineName";"TimeCreated"\r\n' +
      '"Der Benutzer ""CORP\\anna"" hat den Taskplaner-Task ""\\Backup Nightly"" registriert.";"106";"Microsoft-Windows-TaskScheduler/Operational";"PC-0815";"27.01.2021 04:15:12"\r\n';
    const r = parse(bytes(csv));
    expect(r.events).toMatchObject([{ eventId: 106, taskName: '\\Backup Nightly', at: '2021-01-27T04:15:12.000Z', host: 'PC-0815' }]);
  });
});

describe('failures', () => {
  it('throws a clear ParseError when nothing is usable', () => {
    expect(() => parse(bytes(''))).toThrow(ParseError);
    expect(() => parse(bytes('a,b,c\n1,2,3\n'))).toThrow(/Not a recognised event export/);
    expect(() => parse(bytes('{"a":\n{"b":1}\n'))).toThrow(/No EvtxECmd or hayabusa event objects/);
    const otherIds = 'TimeCreated,EventId,Channel,Computer,PayloadData1\n2021-01-01 00:00:00,4624,Security,H,x\n';
    expect(() => parse(bytes(otherIds))).toThrow(/none of 1 event\(s\) has ID 106, 140/);
  });
});

describe('helpers', () => {
  it('converts timestamps to UTC ISO', () => {
    expect(isoLikeToUtc('2021-06-11 06:21:26.383 +09:00')).toBe('2021-06-10T21:21:26.383Z');
    expect(isoLikeToUtc('2021-01-27 03:15:12.4657632')).toBe('2021-01-27T03:15:12.465Z');
    expect(isoLikeToUtc('2021-01-27T03:15:12Z')).toBe('2021-01-27T03:15:12.000Z');
    expect(cultureTimeToIso('13/02/2025 17:30:00')).toBe('2025-02-13T17:30:00.000Z');
    expect(cultureTimeToIso('2/13/2025 5:30:00 PM')).toBe('2025-02-13T17:30:00.000Z');
    expect(cultureTimeToIso('1/2/2025 12:05:00 AM')).toBe('2025-01-02T00:05:00.000Z');
    expect(cultureTimeToIso('31.02.2025 10:00:00')).toBeNull();
    expect(cultureTimeToIso('yesterday')).toBeNull();
  });

  it('extracts task names from message text', () => {
    expect(taskNameFromText('Task Information:\r\n\tTask Name: \t\t\\evil\r\n\tTask Content: <x/>')).toBe('\\evil');
    expect(taskNameFromText('TaskName: \\A\\B')).toBe('\\A\\B');
    expect(taskNameFromText('Task: Microsoft\\Windows\\Defrag\\ScheduledDefrag')).toBe('\\Microsoft\\Windows\\Defrag\\ScheduledDefrag');
    expect(taskNameFromText('User "D\\u"  updated Task Scheduler task "\\T1"')).toBe('\\T1');
    expect(taskNameFromText('no task here')).toBeNull();
  });
});

describe('sniff', () => {
  it('recognises each producer', () => {
    expect(sniff(decodeBytes(fixture('20210127031800_EvtxECmd_Output.csv')).text)).toBeGreaterThan(0.9);
    expect(sniff(decodeBytes(fixture('hayabusa-standard.csv')).text)).toBeGreaterThan(0.8);
    expect(sniff(decodeBytes(fixture('hayabusa.jsonl')).text)).toBeGreaterThan(0.8);
    expect(sniff(decodeBytes(fixture('get-winevent-export.csv')).text)).toBeGreaterThan(0.8);
    expect(sniff('Timestamp, Computer, Channel, EventID, Level, MitreTactics, RecordID, RuleTitle, Details\n')).toBeGreaterThan(0.8);
  });

  it('is ~0 for other formats', () => {
    expect(sniff('Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String\n')).toBe(0);
    expect(sniff(decodeBytes(readSample('autoruns/velociraptor_testdata_autoruns.csv')).text)).toBe(0);
    expect(sniff(decodeBytes(readSample('schtasks/resticprofile_schtasks_fo_csv_v_enGB_2rows_same_task.csv')).text)).toBe(0);
    expect(sniff(decodeBytes(readSample('schtasks/Michaelunkai_GetScheduledTask_Select_ExportCsv.csv')).text)).toBe(0);
    expect(sniff(decodeBytes(readSample('cron/jc_ubuntu-18.04_etc_crontab')).text)).toBe(0);
    expect(sniff(decodeBytes(readSample('taskxml/atomicredteam_T1053_005_WMI.xml')).text)).toBe(0);
    expect(sniff(readFileSync(fixturePath('osquery', 'result-log.jsonl'), 'utf8'))).toBe(0);
    expect(sniff('')).toBe(0);
  });
});
