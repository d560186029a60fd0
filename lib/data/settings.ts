import 'server-only';
import { db } from '@/lib/db/client';
import { DEFAULT_SCORE_SETTINGS, scoreSettingsSchema, type ScoreSettings } from '@/lib/analytics/score-settings';

/** Score settings from the `settings` table, falling back to the defaults for anything missing or invalid. */
export async function getScoreSettings(): Promise<ScoreSettings> {
  const row = await db().setting.findUnique({ where: { key: 'score' }, select: { value: true } });
  const stored = (row?.value ?? {}) as Partial<ScoreSettings>;
  // Weights merge one level deeper, so a setting saved before a part existed gets that part's default weight.
  const parsed = scoreSettingsSchema.safeParse({ ...DEFAULT_SCORE_SETTINGS, ...stored, weights: { ...DEFAULT_SCORE_SETTINGS.weights, ...stored.weights } });
  return parsed.success ? parsed.data : DEFAULT_SCORE_SETTINGS;
}
