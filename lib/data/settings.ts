import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { actorName, assertRole, type Principal } from '@/lib/auth/principal';
import { DEFAULT_SCORE_SETTINGS, scoreSettingsSchema, type ScoreSettings } from '@/lib/analytics/score-settings';
import { DEFAULT_RETENTION_DAYS, retentionSchema } from '@/lib/validation/settings';
import { slaFromSetting, slaSettingsSchema, type SlaSettings } from '@/lib/triage/sla';
import { recordAudit } from './audit';

async function readSetting(key: string): Promise<unknown> {
  const row = await db().setting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

/** Upsert one settings row and audit the change with its previous and new values. Admins (or the CLI) only. */
async function writeSetting(actor: Principal, key: string, from: unknown, to: unknown, ip?: string | null): Promise<void> {
  assertRole(actor, 'admin');
  const value = to as Prisma.InputJsonValue;
  await db().setting.upsert({ where: { key }, create: { key, value }, update: { value, updatedAt: new Date() } });
  await recordAudit({ actor: actorName(actor), action: `settings.${key}`, target: key, ip, details: { from, to } });
}

/** Score settings from the `settings` table, falling back to the defaults for anything missing or invalid. */
export async function getScoreSettings(): Promise<ScoreSettings> {
  const stored = ((await readSetting('score')) ?? {}) as Partial<ScoreSettings>;
  // Weights merge one level deeper, so a setting saved before a part existed gets that part's default weight.
  const parsed = scoreSettingsSchema.safeParse({ ...DEFAULT_SCORE_SETTINGS, ...stored, weights: { ...DEFAULT_SCORE_SETTINGS.weights, ...stored.weights } });
  return parsed.success ? parsed.data : DEFAULT_SCORE_SETTINGS;
}

/** Store new weights and thresholds; scores are computed at query time, so the next list uses them. */
export async function saveScoreSettings(actor: Principal, next: ScoreSettings, ip?: string | null): Promise<void> {
  await writeSetting(actor, 'score', await getScoreSettings(), scoreSettingsSchema.parse(next), ip);
}

/** Days of closed presence history to keep (`tasklens analytics prune`). */
export async function getRetentionDays(): Promise<number> {
  const parsed = retentionSchema.safeParse(await readSetting('retention'));
  return parsed.success ? parsed.data.days : DEFAULT_RETENTION_DAYS;
}

export async function saveRetentionDays(actor: Principal, days: number, ip?: string | null): Promise<void> {
  const { days: checked } = retentionSchema.parse({ days });
  await writeSetting(actor, 'retention', { days: await getRetentionDays() }, { days: checked }, ip);
}

/** Triage SLA hours per severity (key `sla`); missing or invalid severities take the defaults. */
export async function getSlaSettings(): Promise<SlaSettings> {
  return slaFromSetting(await readSetting('sla'));
}

export async function saveSlaSettings(actor: Principal, next: SlaSettings, ip?: string | null): Promise<void> {
  await writeSetting(actor, 'sla', await getSlaSettings(), slaSettingsSchema.parse(next), ip);
}
