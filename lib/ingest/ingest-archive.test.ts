import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { readSample, samplePath } from '@/lib/testing/samples';
import { ingestBytes } from './run-upload';

afterAll(disconnectDb);

function folder(dir: string, prefix: string, out: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) folder(full, `${prefix}/${name}`, out);
    else out[`${prefix}/${name}`] = new Uint8Array(readFileSync(full));
  }
  return out;
}

const stamp = Date.now();
const linuxHost = `lnx-${stamp}`;
const unitsHost = `units-${stamp}`;

function fleetZip(): Uint8Array {
  const files: Record<string, Uint8Array> = {
    ...folder(samplePath('cron/host_JoeKun_debian'), `fleet-${stamp}/${linuxHost}`),
    ...folder(samplePath('taskxml/DFIRArtifactMuseum_ScheduledTasks/Win10'), `fleet-${stamp}/win`),
    [`fleet-${stamp}/${unitsHost}/etc/systemd/system/apt-daily.timer`]: readSample('systemd/units/debian-apt_apt-daily.timer'),
    [`fleet-${stamp}/${unitsHost}/etc/systemd/system/apt-daily.service`]: readSample('systemd/units/debian-apt_apt-daily.service'),
    [`fleet-${stamp}/${unitsHost}/etc/cron.daily/logrotate`]: new TextEncoder().encode('#!/bin/sh\n# rotate logs\n/usr/sbin/logrotate /etc/logrotate.conf\n'),
    [`fleet-${stamp}/${unitsHost}/junk.csv`]: new TextEncoder().encode('this,is\nnot,an export\n'),
  };
  return zipSync(files);
}

describe('ingest of an archive holding several hosts and formats', () => {
  const zip = fleetZip();

  it('stores one snapshot per host and source, joins timers to services, and names the unreadable file', async () => {
    const r = await ingestBytes(zip, `fleet-${stamp}.zip`, { labels: { site: 'lab' } });
    expect(r.status).toBe('partial');
    const bySource = (host: string) => r.snapshots.filter((s) => s.host === host).map((s) => s.source).sort();
    expect(bySource(linuxHost)).toEqual(['cron']);
    expect(bySource('APTSimulatorVM')).toEqual(['taskxml']);
    expect(bySource(unitsHost)).toEqual(['cron', 'systemd']);
    const tasks = r.snapshots.find((s) => s.host === 'APTSimulatorVM')!;
    expect(tasks.entries).toBe(202);
    expect(r.warnings.some((w) => w.file.endsWith('junk.csv') && /could not be read: format not recognised/.test(w.message))).toBe(true);

    const unitsHostId = (await db().host.findUniqueOrThrow({ where: { key: unitsHost } })).id;
    const timerIds = (await db().presence.findMany({ where: { hostId: unitsHostId }, select: { variantId: true } })).map((p) => p.variantId);
    const timer = await db().variant.findFirst({ where: { name: 'apt-daily.timer', id: { in: timerIds } }, select: { command: true } });
    expect(timer?.command).toContain('apt.systemd.daily');
    const gameOver = await db().entry.findFirst({ where: { name: '\\GameOver' }, select: { command: true } });
    expect(gameOver?.command).toMatch(/sekurlsa::LogonPasswords/);
    const labels = await db().hostLabel.findMany({ where: { host: { key: linuxHost.toLowerCase() } }, select: { key: true, value: true } });
    expect(labels).toContainEqual({ key: 'site', value: 'lab' });
  });

  it('recognises the same archive uploaded again', async () => {
    const snapshots = await db().snapshot.count();
    const r = await ingestBytes(zip, `fleet-${stamp}-again.zip`);
    expect(r.snapshots.every((s) => s.isDuplicate)).toBe(true);
    expect(await db().snapshot.count()).toBe(snapshots);
  });

  it('imports task events for timelines without creating inventory entries', async () => {
    const r = await ingestBytes(new Uint8Array(readFileSync('lib/ingest/fixtures/task-events/hayabusa.jsonl')), 'hayabusa.jsonl');
    expect(r.events).toBeGreaterThan(0);
    // Counted per upload: other test files ingest in parallel, so global counts race.
    expect(await db().snapshot.count({ where: { uploadId: r.uploadId } })).toBe(0);
    expect(await db().hostEvent.count({ where: { uploadId: r.uploadId } })).toBe(r.events);
    const again = await ingestBytes(new Uint8Array(readFileSync('lib/ingest/fixtures/task-events/hayabusa.jsonl')), 'hayabusa-2.jsonl');
    expect(again.events).toBe(0);
  });

  it('refuses a zip-slip archive member and keeps the rest', async () => {
    const host = `slip-${stamp}`;
    const bad = zipSync({ [`${host}/crontab`]: new TextEncoder().encode('0 3 * * * /usr/bin/backup\n'), '../../etc/evil': new TextEncoder().encode('x') });
    const r = await ingestBytes(bad, 'slip.zip', { host });
    expect(r.snapshots.map((s) => s.host)).toEqual([host]);
    expect(r.warnings.some((w) => /\.\./.test(w.file) || /traversal|outside/i.test(w.message))).toBe(true);
  });
});
