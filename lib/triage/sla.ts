import { z } from 'zod';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Hours from opening (or re-opening) an item to its due date, per severity: settings key `sla`. */
export const slaSettingsSchema = z.object({
  critical: z.coerce.number().int().min(1).max(24 * 365),
  high: z.coerce.number().int().min(1).max(24 * 365),
  medium: z.coerce.number().int().min(1).max(24 * 365),
  low: z.coerce.number().int().min(1).max(24 * 365),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

export const DEFAULT_SLA: SlaSettings = { critical: 24, high: 72, medium: 7 * 24, low: 30 * 24 };

/** Stored SLA settings (any JSON) with missing or invalid severities taking the defaults. */
export function slaFromSetting(stored: unknown): SlaSettings {
  const parsed = slaSettingsSchema.safeParse({ ...DEFAULT_SLA, ...(typeof stored === 'object' ? stored : null) });
  return parsed.success ? parsed.data : DEFAULT_SLA;
}
