'use client';

import { ActionForm } from '@/components/forms/action-form';
import { ReasonFields } from '@/app/suppressions/reason-fields';
import type { OutlierRow } from '@/lib/data/outliers';
import { OUTLIER_SUPPRESS_TARGETS } from '@/lib/validation/suppressions';
import { suppressOutlier } from './actions';

const TARGET_LABELS: Record<(typeof OUTLIER_SUPPRESS_TARGETS)[number], string> = {
  entry: 'this entry',
  signer: 'its signer',
  path: 'its path',
};

/** Per-row Suppress disclosure (managers): what to suppress, why (required) and for how long. */
export function SuppressMenu({ row }: { row: OutlierRow }) {
  if (row.isSuppressed) return <span className="tag">suppressed</span>;
  return (
    <details className="row-menu">
      <summary aria-label={`Suppress ${row.name}`}>Suppress</summary>
      <ActionForm action={suppressOutlier} label={`Suppress ${row.name}`} className="stack-form">
        <input type="hidden" name="entryId" value={row.id} />
        <fieldset className="radio-row">
          <legend className="sr-only">What to suppress</legend>
          {OUTLIER_SUPPRESS_TARGETS.map((t) => (
            <label key={t}>
              <input type="radio" name="target" value={t} defaultChecked={t === 'entry'} /> {TARGET_LABELS[t]}
            </label>
          ))}
        </fieldset>
        <ReasonFields submitLabel="Suppress" />
      </ActionForm>
    </details>
  );
}
