import { ActionForm } from '@/components/forms/action-form';
import { SEVERITIES, type Severity, type SlaSettings } from '@/lib/triage/sla';
import { saveSla } from './actions';

const SEVERITY_HELP: Record<Severity, string> = {
  critical: 'Critical (score 80 and up)',
  high: 'High (60–79)',
  medium: 'Medium (40–59)',
  low: 'Low (under 40)',
};

/** Hours, not days: a critical item is often due the same day. */
export function SlaSettingsForm({ sla }: { sla: SlaSettings }) {
  return (
    <ActionForm action={saveSla} label="Triage SLA" className="stack-form">
      <fieldset className="settings-grid">
        <legend>Hours from opening an item to its due date</legend>
        {[...SEVERITIES].reverse().map((s) => (
          <label key={s}>
            {SEVERITY_HELP[s]}
            <input type="number" name={s} defaultValue={sla[s]} min={1} max={24 * 365} step={1} required />
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="primary">
          Save SLA
        </button>
      </div>
    </ActionForm>
  );
}
