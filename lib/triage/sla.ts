import { z } from 'zod';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Hours from opening (or re-opening) an item to its due date, per severity: settings key `sla`. */
const hours = z.coerce
  .number({ message: 'a whole number of hours' })
  .int('a whole number of hours')
  .min(1, 'at least 1 hour')
  .max(24 * 365, 'at most 8,760 hours (a year)');
export const slaSettingsSchema = z.object({ critical: hours, high: hours, medium: hours, low: hours });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

export const DEFAULT_SLA: SlaSettings = { critical: 24, high: 72, medium: 7 * 24, low: 30 * 24 };

/** Stored SLA settings (any JSON) with missing or invalid severities taking the defaults. */
export function slaFromSetting(stored: unknown): SlaSettings {
  const parsed = slaSettingsSchema.safeParse({ ...DEFAULT_SLA, ...(typeof stored === 'object' ? stored : null) });
  return parsed.success ? parsed.data : DEFAULT_SLA;
}
