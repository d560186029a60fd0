'use client';

import { saveTriage } from '@/app/triage/actions';
import { ActionForm } from '@/components/forms/action-form';
import type { Role } from '@/lib/auth/roles';
import type { Assignee } from '@/lib/data/triage-read';
import { nextStates, STATE_LABELS, transitionKind, type TriageState } from '@/lib/triage/state-machine';
import { SUPPRESSION_KINDS } from '@/lib/validation/suppressions';

const KIND_HINTS: Record<string, string> = { send_back: ' (send back)', sign_off: ' (sign off)', reopen: ' (re-open)' };

interface TriageFormProps {
  entryId: number;
  hostId: number | null;
  /** The item's state; `new` for an entry nobody has triaged yet. */
  state: TriageState;
  role: Role;
  assignees: Assignee[];
  label: string;
}

/** Change one triage item: move it, (re)assign it, set the due date, comment (markdown), suppress with a benign verdict. */
export function TriageForm({ entryId, hostId, state, role, assignees, label }: TriageFormProps) {
  const targets = nextStates(state, role);
  const isManager = role === 'manager' || role === 'admin';
  return (
    <ActionForm action={saveTriage} label={label} className="stack-form triage-form" resetOnSuccess>
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="hostId" value={hostId ?? ''} />
      <div className="triage-fields">
        <label>
          Move to
          <select name="state" defaultValue="">
            <option value="">(keep {STATE_LABELS[state]})</option>
            {targets.map((to) => (
              <option key={to} value={to}>
                {STATE_LABELS[to]}
                {KIND_HINTS[transitionKind(state, to, role) ?? ''] ?? ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Assignee
          <select name="assignee" defaultValue="">
            <option value="">(keep)</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {isManager && assignees.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
          </select>
        </label>
        <label>
          Due
          <input type="date" name="due" />
        </label>
      </div>
      <label>
        Comment <span className="muted">(markdown; the reason of a send-back or re-open; <code>@alice</code> notifies alice@…)</span>
        <textarea name="comment" rows={3} maxLength={10_000} />
      </label>
      <details className="triage-suppress">
        <summary>Suppress with a benign verdict</summary>
        <fieldset className="radio-row">
          <legend className="sr-only">What to suppress</legend>
          {SUPPRESSION_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="suppressKind" value={k} /> {k}
            </label>
          ))}
        </fieldset>
        <input name="suppressValue" aria-label="Label to suppress" placeholder="label as key=value (label only)" />
        <input name="suppressReason" aria-label="Suppression reason" placeholder="reason (required to suppress)" maxLength={500} />
        <input name="expires" aria-label="Suppression expires after" placeholder="expires after, e.g. 90d (empty: never)" />
      </details>
      <button type="submit" className="primary">
        Save
      </button>
    </ActionForm>
  );
}
