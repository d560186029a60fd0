import { z } from 'zod';
import { scoreSettingsSchema, type ScoreSettings } from '@/lib/analytics/score-settings';

export const WEIGHT_KEYS = ['rarity', 'heuristics', 'newness', 'drift', 'burst', 'peer'] as const satisfies readonly (keyof ScoreSettings['weights'])[];
export const THRESHOLD_KEYS = ['outlierThreshold', 'heuristicCap', 'newDays', 'minFleet', 'burstHosts', 'peerMinGroup'] as const satisfies readonly Exclude<keyof ScoreSettings, 'weights'>[];

const num = z.coerce.number({ message: 'a number' });

/** The settings form posts flat fields (`weight.rarity`, `newDays`, ...); they are checked by the stored schema. */
export const scoreSettingsFormSchema = z
  .object({
    ...Object.fromEntries(WEIGHT_KEYS.map((k) => [`weight.${k}`, num])),
    ...Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, num])),
  } as Record<string, typeof num>)
  .transform((f) => ({
    ...Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, f[k]])),
    weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, f[`weight.${k}`]])),
  }))
  .pipe(scoreSettingsSchema)
  .refine((s) => Object.values(s.weights).some((w) => w > 0), { message: 'at least one weight must be above 0', path: ['weights'] });

export const DEFAULT_RETENTION_DAYS = 365;

/** Days of closed presence history kept by `tasklens analytics prune`. */
export const retentionSchema = z.object({ days: z.coerce.number({ message: 'a number of days' }).int().min(1).max(36_500) });
