'use server';

import { runAction } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { saveRetentionDays, saveScoreSettings as storeScoreSettings, saveSlaSettings } from '@/lib/data/settings';
import { slaSettingsSchema } from '@/lib/triage/sla';
import { invalid, type ActionResult } from '@/lib/validation/auth';
import { retentionSchema, scoreSettingsFormSchema } from '@/lib/validation/settings';

export async function saveScoreSettings(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = scoreSettingsFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return runAction(() => storeScoreSettings(admin, parsed.data, ip), 'Saved: outliers are ranked with these settings from now on.', ['/admin/settings', '/outliers', '/']);
}

export async function saveRetention(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = retentionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return runAction(() => saveRetentionDays(admin, parsed.data.days, ip), `Saved: prune keeps ${parsed.data.days} days of closed history.`, ['/admin/settings']);
}

/** Triage SLA hours per severity: due dates of items opened or re-opened from now on follow them. */
export async function saveSla(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = slaSettingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return runAction(() => saveSlaSettings(admin, parsed.data, ip), 'Saved: new and re-opened triage items are due by these hours.', ['/admin/settings']);
}
