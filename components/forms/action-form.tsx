'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/validation/auth';

export type FormAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** A form bound to a Server Action that shows its `{ ok, errors, message }` answer next to the fields. */
export function ActionForm({ action, label, children, className, resetOnSuccess = false }: { action: FormAction; label: string; children: ReactNode; className?: string; resetOnSuccess?: boolean }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = Object.entries(state?.errors ?? {}).filter(([, list]) => list?.length);
  return (
    <form action={formAction} aria-label={label} className={className} aria-busy={isPending || undefined} key={resetOnSuccess && state?.ok ? 'done' : 'form'}>
      {children}
      {state?.message && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'result-ok' : 'result-error'}>
          {state.message}
        </p>
      )}
      {errors.length > 0 && (
        <ul className="result-error field-errors">
          {errors.map(([field, list]) => (
            <li key={field}>
              {field}: {list.join(', ')}
            </li>
          ))}
        </ul>
      )}
      {state?.secret && (
        <div className="panel secret" role="status" aria-label="New token">
          <p>Copy this token now; it will not be shown again.</p>
          <code className="mono" data-testid="new-token">{state.secret}</code>
        </div>
      )}
    </form>
  );
}
