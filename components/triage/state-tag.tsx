import { STATE_LABELS, type TriageState } from '@/lib/triage/state-machine';

/** A triage state as a coloured tag (the colour repeats the word, never replaces it). */
export function StateTag({ state }: { state: TriageState }) {
  return (
    <span className="tag triage-state" data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
