import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { getEntryDays, type EntryDay } from './entry-history';

// getEntryDays counts in one pass per figure (islands, running sums). This file checks it against the direct
// definition (a count per day and figure over the entry's intervals) on a random fleet with appearances,
// disappearances, variant changes, returns, two collections on some days, task events, and one host holding an
// entry in two streams at once (overlapping intervals, which the per-host islands must not count twice).
useOwnDatabase('entry-days');

const HEADER = '"HostName","TaskName","Next Run Time","Status","Logon Mode","Last Run Time","Last Result","Author","Task To Run"\r\n';
const enc = (s: string) => new TextEncoder().encode(s);
const TASKS = ['\\Alpha', '\\Bravo', '\\Charlie', '\\Delta', '\\Echo'];
const HOSTS = Array.from({ length: 8 }, (_, i) => `ed-host-${i}`);

/** mulberry32: a seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The definition the query must agree with: each figure counted per day over the entry's intervals. */
async function entryDaysByDefinition(entryId: number): Promise<EntryDay[]> {
  const rows = await db().$queryRaw<(Omit<EntryDay, 'day'> & { day: Date })[]>`
    WITH days AS (
      SELECT day, day + interval '1 day' AS next FROM (
        SELECT DISTINCT date_trunc('day', collected_at, 'UTC') AS day FROM snapshots ORDER BY 1 DESC LIMIT 180) d
    ), p AS (
      SELECT p.host_id, p.from_at, p.until_at,
             EXISTS (SELECT 1 FROM presences q WHERE q.entry_id = p.entry_id AND q.host_id = p.host_id AND q.until_at = p.from_at) AS is_change,
             p.until_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM presences q WHERE q.entry_id = p.entry_id AND q.host_id = p.host_id AND q.from_at = p.until_at) AS is_gone
      FROM presences p WHERE p.entry_id = ${entryId}
    ), firsts AS (SELECT host_id, min(from_at) AS at FROM p GROUP BY host_id),
    ev AS (
      SELECT he.at FROM host_events he
      WHERE he.host_id IN (SELECT host_id FROM presences WHERE entry_id = ${entryId})
        AND lower(he.task_name) IN (SELECT lower(v.name) FROM variants v WHERE v.entry_id = ${entryId}))
    SELECT d.day,
      (SELECT count(DISTINCT host_id) FROM p WHERE p.from_at < d.next AND (p.until_at IS NULL OR p.until_at >= d.next))::int AS hosts,
      (SELECT count(*) FROM firsts f WHERE f.at < d.next)::int AS cumulative,
      (SELECT count(DISTINCT host_id) FROM p WHERE NOT p.is_change AND p.from_at >= d.day AND p.from_at < d.next)::int AS appeared,
      (SELECT count(DISTINCT host_id) FROM p WHERE p.is_change AND p.from_at >= d.day AND p.from_at < d.next)::int AS changed,
      (SELECT count(DISTINCT host_id) FROM p WHERE p.is_gone AND p.until_at >= d.day AND p.until_at < d.next)::int AS disappeared,
      (SELECT count(*) FROM ev WHERE ev.at >= d.day AND ev.at < d.next)::int AS events
    FROM days d ORDER BY d.day`;
  return rows.map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10) }));
}

beforeAll(async () => {
  const rnd = random(20261123);
  const events: string[] = [];
  for (const host of HOSTS) {
    for (let day = 1; day <= 7; day++) {
      const times = rnd() < 0.3 ? ['06', '18'] : ['06'];
      for (const hour of times) {
        const rows = TASKS.filter(() => rnd() < 0.7).map((task) => {
          const author = rnd() < 0.25 ? 'Other' : 'Contoso';
          return `"${host}","${task}","N/A","Ready","x","y","0","${author}","c:\\tools\\${task.slice(1).toLowerCase()}.exe"\r\n`;
        });
        const at = new Date(`2026-04-0${day}T${hour}:00:00Z`);
        await ingestBytes(enc(HEADER + rows.join('')), `${host}-${day}-${hour}.csv`, { collectedAt: at });
      }
      if (rnd() < 0.3) {
        const task = TASKS[Math.floor(rnd() * TASKS.length)];
        events.push(`${events.length + 1},${events.length + 1},2026-04-0${day} 09:00:00.0000000,106,Microsoft-Windows-TaskScheduler/Operational,${host},Registered,Task: ${task}\r\n`);
      }
    }
  }
  await ingestBytes(enc('RecordNumber,EventRecordId,TimeCreated,EventId,Channel,Computer,MapDescription,PayloadData1\r\n' + events.join('')), 'events.csv', {});
  // A second stream on the same hosts holding a third of the intervals 30 hours later: overlaps with the first.
  await db().$executeRaw`
    INSERT INTO presences (host_id, source, entry_id, variant_id, first_snapshot_id, from_at, last_snapshot_id, until_at)
    SELECT host_id, 'second-stream', entry_id, variant_id, first_snapshot_id, from_at + interval '30 hours', last_snapshot_id, until_at + interval '30 hours'
    FROM presences WHERE id % 3 = 0`;
}, 120_000);

describe('entry history per day', () => {
  it('agrees with the per-day definition for every entry of a random fleet', async () => {
    const entries = await db().entry.findMany({ select: { id: true } });
    expect(entries.length).toBe(TASKS.length);
    let changes = 0;
    let gone = 0;
    let events = 0;
    for (const { id } of entries) {
      const days = await getEntryDays(id);
      expect(days).toHaveLength(7);
      expect(days).toEqual(await entryDaysByDefinition(id));
      changes += days.reduce((n, d) => n + d.changed, 0);
      gone += days.reduce((n, d) => n + d.disappeared, 0);
      events += days.reduce((n, d) => n + d.events, 0);
    }
    // The fleet exercises what the query distinguishes.
    expect(changes).toBeGreaterThan(0);
    expect(gone).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(0);
  });
});
