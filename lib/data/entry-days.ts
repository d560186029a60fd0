/**
 * One presence interval of an entry, in UTC day numbers (days since the epoch), with what the database found
 * about its ends: `isChange`, another interval of the host closed at the very time this one opened (a change of
 * variant, not an appearance); `isGone`, it closed and no interval of the host opened at that time.
 */
export interface EntryInterval {
  hostId: number;
  fromDay: number;
  /** null: still open. */
  untilDay: number | null;
  isChange: boolean;
  isGone: boolean;
}

/** Per-day counts of one entry (hosts); `day` is a UTC day number. */
export interface EntryDayCounts {
  day: number;
  hosts: number;
  cumulative: number;
  appeared: number;
  changed: number;
  disappeared: number;
}

/** A (day, host) pair as one number: host ids are int4, days since 1970 stay far below 2^21. */
const pairKey = (day: number, hostId: number) => day * 2 ** 32 + hostId;

/** Add `by` to a day's count. */
function bump(m: Map<number, number>, day: number, by: number) {
  m.set(day, (m.get(day) ?? 0) + by);
}

/** Distinct hosts per day. */
function perDay(intervals: readonly EntryInterval[], dayOf: (p: EntryInterval) => number | null): Map<number, number> {
  const seen = new Set<number>();
  const counts = new Map<number, number>();
  for (const p of intervals) {
    const day = dayOf(p);
    if (day === null || seen.has(pairKey(day, p.hostId))) continue;
    seen.add(pairKey(day, p.hostId));
    bump(counts, day, 1);
  }
  return counts;
}

/**
 * An entry's figures on each of `days`:
 * - hosts: hosts with an interval covering the end of the day (opened on or before it, closed after it);
 * - cumulative: hosts whose first interval opened on or before the day;
 * - appeared / changed: hosts with an interval opening that day that is not / is a change of variant;
 * - disappeared: hosts with an interval closing that day that nothing continues.
 *
 * Counted here rather than in SQL: the same figures as one query (islands per host, running sums, five grouped
 * counts) cost PostgreSQL 60-130 ms for an entry on all 10,000 hosts of the large bench fleet; reading the
 * intervals as integers and counting them here takes a few milliseconds (docs/benchmarks.md). A host can
 * hold the entry in two streams at once, so each host's covered days are merged before they are counted.
 */
export function countEntryDays(intervals: readonly EntryInterval[], days: readonly number[]): EntryDayCounts[] {
  const appeared = perDay(intervals, (p) => (p.isChange ? null : p.fromDay));
  const changed = perDay(intervals, (p) => (p.isChange ? p.fromDay : null));
  const disappeared = perDay(intervals, (p) => (p.isGone ? p.untilDay : null));

  const byHost = new Map<number, [number, number][]>();
  for (const p of intervals) {
    const span: [number, number] = [p.fromDay, p.untilDay ?? Infinity];
    const spans = byHost.get(p.hostId);
    if (spans) spans.push(span);
    else byHost.set(p.hostId, [span]);
  }
  // +1 where a host's merged coverage starts, -1 where it ends (spans that open and close on one day cover no
  // day's end); each host's first day feeds the cumulative count.
  const steps = new Map<number, number>();
  const firsts = new Map<number, number>();
  for (const spans of byHost.values()) {
    if (spans.length > 1) spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    bump(firsts, spans[0]![0], 1);
    let island: [number, number] | null = null;
    for (const [from, until] of spans) {
      if (from >= until) continue;
      if (island && from <= island[1]) {
        island[1] = Math.max(island[1], until);
        continue;
      }
      if (island) closeIsland(island, steps);
      island = [from, until];
    }
    if (island) closeIsland(island, steps);
  }

  const upTo = (m: Map<number, number>, day: number) => {
    let sum = 0;
    for (const [d, n] of m) if (d <= day) sum += n;
    return sum;
  };
  return days.map((day) => ({
    day,
    hosts: upTo(steps, day),
    cumulative: upTo(firsts, day),
    appeared: appeared.get(day) ?? 0,
    changed: changed.get(day) ?? 0,
    disappeared: disappeared.get(day) ?? 0,
  }));
}

function closeIsland([from, until]: [number, number], steps: Map<number, number>) {
  bump(steps, from, 1);
  if (until !== Infinity) bump(steps, until, -1);
}
