import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prunePresences } from '@/lib/analytics/prune';
import { DEFAULT_SCORE_SETTINGS } from '@/lib/analytics/score-settings';
import type { Principal } from '@/lib/auth/principal';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { scoreSettingsFormSchema } from '@/lib/validation/settings';
import { listOutliers } from './outliers';
import { getRetentionDays, getScoreSettings, saveRetentionDays, saveScoreSettings } from './settings';

const stamp = Date.now();
const admin: Principal = { kind: 'user', userId: 1, email: `admin-${stamp}@test`, name: null, role: 'admin', sessionId: null };
const enc = (s: string) => new TextEncoder().encode(s);
const day = (d: number) => new Date(Date.UTC(2026, 3, 1 + d, 6));
const AGENT = `/opt/ci/agent-${stamp}`;
const SYNC = `/opt/bk/sync-${stamp}`;

beforeAll(async () => {
  // The CI agent is on 4 build servers and 1 of 5 workstations from the start (peer deviation); the sync job
  // appears on the 5 workstations at once a day later (a burst). Same host count, so the same rarity.
  for (let i = 0; i < 4; i++) {
    await ingestBytes(enc(`0 * * * * ci ${AGENT}\n`), 'etc/crontab', { host: `set-b-${stamp}-${i}`, collectedAt: day(0), labels: { role: `b-${stamp}` } });
  }
  for (let i = 0; i < 5; i++) {
    const agent = i === 0 ? `0 * * * * ci ${AGENT}\n` : '';
    const opts = { host: `set-w-${stamp}-${i}`, labels: { role: `w-${stamp}` } };
    await ingestBytes(enc(`${agent}5 1 * * * root /usr/bin/true\n`), 'etc/crontab', { ...opts, collectedAt: day(0) });
    await ingestBytes(enc(`${agent}5 1 * * * root /usr/bin/true\n0 2 * * * bk ${SYNC}\n`), 'etc/crontab', { ...opts, collectedAt: day(1) });
  }
}, 180_000);
afterAll(async () => {
  await saveScoreSettings(admin, DEFAULT_SCORE_SETTINGS);
  await disconnectDb();
});

async function ranking(): Promise<string[]> {
  const page = await listOutliers(parseOutlierSearchParams({ q: String(stamp), minScore: '0' }));
  return page.rows.map((r) => r.command);
}

describe('score settings', () => {
  it('change the outlier ranking at once', async () => {
    expect(await ranking()).toEqual([SYNC, AGENT]);
    // Moving the weight of burst and newness to peer keeps the total, so entries with none of them score as before.
    const { burst, newness, peer } = DEFAULT_SCORE_SETTINGS.weights;
    await saveScoreSettings(admin, { ...DEFAULT_SCORE_SETTINGS, weights: { ...DEFAULT_SCORE_SETTINGS.weights, burst: 0, newness: 0, peer: peer + burst + newness } });
    try {
      expect((await getScoreSettings()).weights.peer).toBe(peer + burst + newness);
      expect(await ranking()).toEqual([AGENT, SYNC]);
    } finally {
      await saveScoreSettings(admin, DEFAULT_SCORE_SETTINGS);
    }
    expect(await ranking()).toEqual([SYNC, AGENT]);
  });

  it('are audited with the previous and new values, and for admins only', async () => {
    await saveScoreSettings(admin, { ...DEFAULT_SCORE_SETTINGS, outlierThreshold: 25 });
    const last = await db().auditEvent.findFirstOrThrow({ where: { actor: admin.email, action: 'settings.score' }, orderBy: { id: 'desc' }, select: { details: true } });
    expect(last.details).toMatchObject({ from: { outlierThreshold: 25 }, to: { outlierThreshold: 25 } });
    await expect(saveScoreSettings({ ...admin, role: 'manager' }, DEFAULT_SCORE_SETTINGS)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('parse from the flat form fields and refuse out-of-range values', () => {
    const fields = {
      ...Object.fromEntries(Object.entries(DEFAULT_SCORE_SETTINGS.weights).map(([k, v]) => [`weight.${k}`, String(v)])),
      outlierThreshold: '30', heuristicCap: '10', newDays: '14', minFleet: '3', burstHosts: '5', peerMinGroup: '3',
    };
    expect(scoreSettingsFormSchema.parse(fields)).toEqual({ ...DEFAULT_SCORE_SETTINGS, outlierThreshold: 30 });
    expect(scoreSettingsFormSchema.safeParse({ ...fields, newDays: '0' }).success).toBe(false);
    expect(scoreSettingsFormSchema.safeParse({ ...fields, 'weight.rarity': 'abc' }).success).toBe(false);
    const zero = Object.fromEntries(Object.keys(DEFAULT_SCORE_SETTINGS.weights).map((k) => [`weight.${k}`, '0']));
    expect(scoreSettingsFormSchema.safeParse({ ...fields, ...zero }).success).toBe(false);
  });
});

describe('retention', () => {
  it('is stored and audited', async () => {
    await saveRetentionDays(admin, 400);
    expect(await getRetentionDays()).toBe(400);
    await expect(saveRetentionDays(admin, 0)).rejects.toThrow();
  });

  it('prune deletes closed presences past the retention, keeps open ones, and rebuilds stats', async () => {
    // Dated decades before every other test's data, so pruning up to 1995 touches only this host.
    const host = `prune-${stamp}`;
    const at = (d: number) => new Date(Date.UTC(1990, 0, 1 + d));
    await ingestBytes(enc(`0 1 * * * root /opt/old-${stamp}\n0 2 * * * root /opt/kept-${stamp}\n`), 'etc/crontab', { host, collectedAt: at(0) });
    await ingestBytes(enc(`0 2 * * * root /opt/kept-${stamp}\n`), 'etc/crontab', { host, collectedAt: at(1) });
    const ids = async (cmd: string) => (await db().entry.findFirstOrThrow({ where: { command: cmd }, select: { id: true } })).id;
    const [oldId, keptId] = [await ids(`/opt/old-${stamp}`), await ids(`/opt/kept-${stamp}`)];
    const [{ now }] = await db().$queryRaw<{ now: Date }[]>`SELECT max(collected_at) AS now FROM snapshots`;
    const days = Math.ceil((now.getTime() - Date.UTC(1995, 0, 1)) / 86_400_000);

    const r = await prunePresences(db(), days);
    expect(r.deleted).toBeGreaterThanOrEqual(1);
    expect(await db().presence.count({ where: { entryId: oldId } })).toBe(0);
    expect(await db().entryStat.findUnique({ where: { entryId: oldId } })).toBeNull();
    expect(await db().presence.count({ where: { entryId: keptId, untilAt: null } })).toBe(1);
    expect(await db().entryStat.findUnique({ where: { entryId: keptId }, select: { hostsNow: true } })).toEqual({ hostsNow: 1 });
  });
});
