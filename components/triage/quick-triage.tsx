'use client';

import { saveTriage } from '@/app/triage/actions';
import { ActionForm } from '@/components/forms/action-form';
import type { Role } from '@/lib/auth/roles';
import { nextStates, STATE_LABELS, type TriageState } from '@/lib/triage/state-machine';
import { StateTag } from './state-tag';

export interface RowTriage {
  state: TriageState;
  assignee: string | null;
}

/** An outliers row's triage: its state and assignee, and a quick verdict / assign-to-me without leaving the list. */
export function QuickTriage({ entryId, name, triage, role }: { entryId: number; name: string; triage: RowTriage | null; role: Role | null }) {
  const state = triage?.state ?? 'new';
  const targets = role ? nextStates(state, role) : [];
  return (
    <div className="quick-triage">
      {triage ? <StateTag state={triage.state} /> : <span className="muted">untriaged</span>}
      {triage?.assignee && <span className="muted cell-assignee">{triage.assignee}</span>}
      {role && (
        <details className="row-menu">
          <summary aria-label={`Triage ${name}`}>Triage</summary>
          <ActionForm action={saveTriage} label={`Triage ${name}`} className="stack-form">
            <input type="hidden" name="entryId" value={entryId} />
            <label>
              Verdict or state
              <select name="state" defaultValue="">
                <option value="">(keep)</option>
                {targets.map((to) => (
                  <option key={to} value={to}>
                    {STATE_LABELS[to]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" name="assignee" value="me" /> Assign to me
            </label>
            <button type="submit" className="primary">
              Save
            </button>
          </ActionForm>
        </details>
      )}
    </div>
  );
}
