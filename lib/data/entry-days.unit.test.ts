import { describe, expect, it } from 'vitest';
import { countEntryDays, type EntryInterval } from './entry-days';

/** Intervals by day, with the flags the database derives from exact times. */
const iv = (hostId: number, fromDay: number, untilDay: number | null, o: { change?: boolean; gone?: boolean } = {}): EntryInterval => ({
  hostId,
  fromDay,
  untilDay,
  isChange: o.change ?? false,
  isGone: o.gone ?? untilDay !== null,
});

describe('countEntryDays', () => {
  it('counts appearances, variant changes, disappearances and hosts at the end of each day', () => {
    const intervals: EntryInterval[] = [
      iv(1, 0, null),
      // Host 2 changes variant on day 1: one interval closes when the next opens.
      iv(2, 0, 1, { gone: false }),
      iv(2, 1, null, { change: true }),
      // Host 3 has it on day 1 only, and loses it on day 2.
      iv(3, 1, 2),
      // Host 4 holds it in two streams at once (overlapping): counted once per day. Its second interval opening is
      // an appearance and its first one closing a disappearance: neither continues the other.
      iv(4, 0, 2),
      iv(4, 1, null),
      // Host 5 opens and closes it within day 2: no day's end is covered, but it did appear and disappear.
      iv(5, 2, 2),
    ];
    expect(countEntryDays(intervals, [0, 1, 2, 3])).toEqual([
      { day: 0, hosts: 3, cumulative: 3, appeared: 3, changed: 0, disappeared: 0 },
      { day: 1, hosts: 4, cumulative: 4, appeared: 2, changed: 1, disappeared: 0 },
      { day: 2, hosts: 3, cumulative: 5, appeared: 1, changed: 0, disappeared: 3 },
      { day: 3, hosts: 3, cumulative: 5, appeared: 0, changed: 0, disappeared: 0 },
    ]);
  });

  it('gives zeros for an entry without intervals', () => {
    expect(countEntryDays([], [5])).toEqual([{ day: 5, hosts: 0, cumulative: 0, appeared: 0, changed: 0, disappeared: 0 }]);
  });
});
