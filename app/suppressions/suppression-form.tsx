import { ActionForm } from '@/components/forms/action-form';
import { ReasonFields } from './reason-fields';
import { SUPPRESSION_KINDS } from '@/lib/validation/suppressions';
import { addSuppression } from './actions';

/** New suppression (managers); the value's shape depends on the kind and is checked on the server. */
export function SuppressionForm() {
  return (
    <section className="panel" aria-labelledby="new-suppression-heading">
      <h2 id="new-suppression-heading">New suppression</h2>
      <ActionForm action={addSuppression} label="Create a suppression" className="inline-form" resetOnSuccess>
        <select name="kind" aria-label="Kind" defaultValue="path">
          {SUPPRESSION_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <input name="value" aria-label="Value" placeholder="entry id · signer · c:\tools\* · role=build" required maxLength={1024} />
        <ReasonFields submitLabel="Suppress" />
      </ActionForm>
    </section>
  );
}
