import type { Metadata } from 'next';
import { ActionForm } from '@/components/forms/action-form';
import { requireUser } from '@/lib/auth/require-user';
import { getRetentionDays, getScoreSettings, getSlaSettings } from '@/lib/data/settings';
import { saveRetention } from './actions';
import { ScoreSettingsForm } from './score-settings-form';
import { SlaSettingsForm } from './sla-settings-form';

export const metadata: Metadata = { title: 'Settings · Tasklens' };

export default async function SettingsPage() {
  await requireUser('admin');
  const [settings, retentionDays, sla] = await Promise.all([getScoreSettings(), getRetentionDays(), getSlaSettings()]);
  return (
    <>
      <header className="page-header">
        <h1>Settings</h1>
        <p className="muted">Scores are computed when a list is shown, so a change here re-ranks the outliers at once. Every change is in the audit log.</p>
      </header>
      <section className="panel" aria-labelledby="score-heading">
        <h2 id="score-heading">Score</h2>
        <ScoreSettingsForm settings={settings} />
      </section>
      <section className="panel" aria-labelledby="sla-heading">
        <h2 id="sla-heading">Triage SLA</h2>
        <p className="muted">
          A triage item gets its severity from the entry’s score when it is opened, and its due date from these hours; re-opening it (back to New,
          by hand or after a drift) restarts the clock. Items already open keep their due dates.
        </p>
        <SlaSettingsForm sla={sla} />
      </section>
      <section className="panel" aria-labelledby="retention-heading">
        <h2 id="retention-heading">Retention</h2>
        <p className="muted">
          <code>npx tasklens analytics prune</code> deletes presence history that ended more than this many days before the latest collection, then
          rebuilds prevalence. What hosts have now is always kept.
        </p>
        <ActionForm action={saveRetention} label="Retention" className="inline-form">
          <label>
            Days of closed history to keep <input type="number" name="days" defaultValue={retentionDays} min={1} max={36500} required />
          </label>
          <button type="submit" className="primary">
            Save retention
          </button>
        </ActionForm>
      </section>
    </>
  );
}
