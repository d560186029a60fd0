import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { createTestUser, ingestCronEntries, type UserPrincipal } from '@/lib/testing/triage-fixtures';
import { DEFAULT_SLA, slaSettingsSchema } from '@/lib/triage/sla';
import { getSlaSettings, saveSlaSettings } from './settings';
import { applyTriage } from './triage';
import { getEntryTriage } from './triage-read';

const stamp = Date.now();
let admin: UserPrincipal;
let entries: number[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  admin = await createTestUser(`sla-admin-${stamp}@test`, 'admin');
  entries = await ingestCronEntries(`sla-${stamp}`, [`/opt/sla-${stamp}/a`, `/opt/sla-${stamp}/b`]);
}, 120_000);
afterAll(async () => {
  await saveSlaSettings(admin, DEFAULT_SLA);
  await disconnectDb();
});

async function dueInHours(entryId: number): Promise<{ severity: string; hours: number }> {
  const [item] = await getEntryTriage(entryId);
  return { severity: item.severity, hours: (new Date(item.dueAt!).getTime() - Date.now()) / HOUR };
}

describe('triage SLA settings', () => {
  it('set the due date of items opened after the change, by severity, and are audited', async () => {
    // Every severity gets its own number of hours, so whatever severity the entry scores, its due date says which.
    const sla = { critical: 5, high: 11, medium: 29, low: 47 };
    await saveSlaSettings(admin, sla);
    expect(await getSlaSettings()).toEqual(sla);
    await applyTriage(admin, [entries[0]], { comment: 'opened under the new SLA', hostId: null });
    const { severity, hours } = await dueInHours(entries[0]);
    expect(hours).toBeGreaterThan(sla[severity as keyof typeof sla] - 0.1);
    expect(hours).toBeLessThan(sla[severity as keyof typeof sla] + 0.1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actor: admin.email, action: 'settings.sla' }, orderBy: { id: 'desc' }, select: { details: true } });
    expect(audit.details).toMatchObject({ to: sla });

    // Re-opening (back to New) restarts the clock under the SLA of that moment.
    await saveSlaSettings(admin, { ...sla, [severity]: 200 });
    await applyTriage(admin, [entries[0]], { state: 'benign', hostId: null });
    expect((await dueInHours(entries[0])).hours).toBeLessThan(sla[severity as keyof typeof sla] + 0.1);
    await applyTriage(admin, [entries[0]], { state: 'new', comment: 'look again', hostId: null });
    expect((await dueInHours(entries[0])).hours).toBeGreaterThan(199);
  });

  it('are for admins only and refuse values out of range', async () => {
    await expect(saveSlaSettings({ ...admin, role: 'manager' }, DEFAULT_SLA)).rejects.toMatchObject({ code: 'forbidden' });
    const form = { critical: '4', high: '24', medium: '72', low: '720' };
    expect(slaSettingsSchema.parse(form)).toEqual({ critical: 4, high: 24, medium: 72, low: 720 });
    for (const bad of ['0', '-1', '1.5', 'abc', '', String(24 * 365 + 1)]) expect(slaSettingsSchema.safeParse({ ...form, high: bad }).success).toBe(false);
  });
});
