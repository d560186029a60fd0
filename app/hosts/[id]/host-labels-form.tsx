'use client';

import { LabelTags } from '@/components/entities/label-tags';
import { ActionForm } from '@/components/forms/action-form';
import { updateHostLabels } from './actions';

/** Labels are peer groups (role, site, OU...): one `key=value` per line. Analysts edit them; others read them. */
export function HostLabels({ hostId, labels, canEdit }: { hostId: number; labels: Record<string, string>; canEdit: boolean }) {
  const entries = Object.entries(labels);
  return (
    <section className="panel" aria-label="Labels">
      <h2>Labels</h2>
      <p>
        {entries.length === 0 ? <span className="muted">No labels yet.</span> : <LabelTags labels={labels} />}
      </p>
      {canEdit && (
        // Not inside <details>: the refresh after saving would fold it and hide the confirmation.
        <ActionForm action={updateHostLabels} label="Edit labels" className="stack">
            <input type="hidden" name="hostId" value={hostId} />
            <label>
              Labels, one key=value per line
              <textarea name="labels" rows={4} defaultValue={entries.map(([k, v]) => `${k}=${v}`).join('\n')} spellCheck={false} className="mono" />
            </label>
            <button type="submit" className="primary">
              Save labels
            </button>
          </ActionForm>
      )}
    </section>
  );
}
