import 'server-only';
import { db } from '@/lib/db/client';
import { DEFAULT_SCORE_SETTINGS, scoreSettingsSchema, type ScoreSettings } from '@/lib/analytics/score-settings';

/** Score settings from the `settings` table, falling back to the defaults for anything missing or invalid. */
export async function getScoreSettings(): Promise<ScoreSettings> {
  const row = await db().setting.findUnique({ where: { key: 'score' }, select: { value: true } });
  const parsed = scoreSettingsSchema.safeParse({ ...DEFAULT_SCORE_SETTINGS, ...((row?.value as object | null) ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_SCORE_SETTINGS;
}
