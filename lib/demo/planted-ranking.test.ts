import { beforeAll, describe, expect, it } from 'vitest';
import { listOutliers } from '@/lib/data/outliers';
import { db } from '@/lib/db/client';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { generateFleet, type FleetOptions } from './fleet';
import { ingestDemoFleet } from './ingest-demo';

// Four days around the November patch Tuesday (2026-11-10), so a patch wave lands inside the window.
const OPTIONS: Partial<FleetOptions> = { hosts: 25, days: 4, seed: 7, startDate: new Date('2026-11-08T00:00:00Z') };

useOwnDatabase('planted');

beforeAll(async () => {
  await ingestDemoFleet(OPTIONS);
}, 600_000);

describe('the demo fleet through the real ingest', () => {
  it('ranks every planted persistence item in the top 20 outliers', async () => {
    const fleet = generateFleet(OPTIONS as FleetOptions);
    expect(fleet.patchDays.length).toBeGreaterThan(0);
    const top = await listOutliers(parseOutlierSearchParams({ size: '25' }));
    const names = new Set(top.rows.slice(0, 20).map((r) => r.name));
    // Every group, including the Defender scan task disabled on one host (a common entry in a rare state) and the
    // user-level systemd timer.
    const expected = [...new Set(fleet.planted.map((p) => p.entryName))];
    expect(fleet.planted.some((p) => p.group === 'defender-scan-disabled')).toBe(true);
    expect(fleet.planted.some((p) => p.group === 'systemd-user-timer')).toBe(true);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
  });

  it('does not rank the patch wave: entries that changed on many hosts at once stay out of the top 20', async () => {
    const wave = await db().$queryRaw<{ id: number }[]>`
      SELECT st.entry_id AS id FROM entry_stats st JOIN entries e ON e.id = st.entry_id
      WHERE st.new_since IS NOT NULL AND st.hosts_now >= 5 AND starts_with(e.name, ${'\\Microsoft\\'}) AND st.heuristic_score = 0`;
    expect(wave.length).toBeGreaterThan(0);
    const top = await listOutliers(parseOutlierSearchParams({ size: '20' }));
    const topIds = new Set(top.rows.map((r) => r.id));
    expect(wave.filter((w) => topIds.has(w.id))).toEqual([]);
  });
});
