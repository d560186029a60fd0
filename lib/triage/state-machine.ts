import { hasRole, type Role } from '@/lib/auth/roles';

/** Triage states (PRODUCT.md §6); safe to import from client components. */
export const TRIAGE_STATES = ['new', 'in_review', 'benign', 'suspicious', 'malicious', 'closed'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export const VERDICTS = ['benign', 'suspicious', 'malicious'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Who moves an item: a user by role, or the ingest re-opening a drifted entry. */
export type TriageActor = Role | 'system';

/** What a transition means, for the history, the audit action and the button label. */
export type TransitionKind = 'start' | 'verdict' | 'revise' | 'sign_off' | 'send_back' | 'reopen';

interface Rule {
  kind: TransitionKind;
  /** Least role a user needs; `system` may only take rules that list it. */
  minRole: Role;
  isSystemAllowed: boolean;
}

export function isVerdict(state: string): state is Verdict {
  return (VERDICTS as readonly string[]).includes(state);
}

/**
 * The one place the workflow's rules live. A verdict may be given straight from `new` (the quick verdict of the
 * outliers list); sign-off and send-back are the manager's review of a verdict; re-open returns a decided item to
 * `new`, by hand or when ingest sees the entry drift.
 */
function ruleFor(from: TriageState, to: TriageState): Rule | null {
  if (from === to) return null;
  if (from === 'new' && to === 'in_review') return { kind: 'start', minRole: 'analyst', isSystemAllowed: false };
  if ((from === 'new' || from === 'in_review') && isVerdict(to)) return { kind: 'verdict', minRole: 'analyst', isSystemAllowed: false };
  if (isVerdict(from) && isVerdict(to)) return { kind: 'revise', minRole: 'analyst', isSystemAllowed: false };
  if (isVerdict(from) && to === 'closed') return { kind: 'sign_off', minRole: 'manager', isSystemAllowed: false };
  if (isVerdict(from) && to === 'in_review') return { kind: 'send_back', minRole: 'manager', isSystemAllowed: false };
  if ((isVerdict(from) || from === 'closed') && to === 'new') return { kind: 'reopen', minRole: 'analyst', isSystemAllowed: true };
  return null;
}

/** The transition's kind when `actor` may move an item from `from` to `to`, else null. */
export function transitionKind(from: TriageState, to: TriageState, actor: TriageActor): TransitionKind | null {
  const rule = ruleFor(from, to);
  if (!rule) return null;
  if (actor === 'system') return rule.isSystemAllowed ? rule.kind : null;
  return hasRole(actor, rule.minRole) ? rule.kind : null;
}

export function canTransition(from: TriageState, to: TriageState, actor: TriageActor): boolean {
  return transitionKind(from, to, actor) !== null;
}

/** States `actor` may move an item in `from` to, in workflow order (the panel's buttons). */
export function nextStates(from: TriageState, actor: TriageActor): TriageState[] {
  return TRIAGE_STATES.filter((to) => canTransition(from, to, actor));
}

/** States a drifted entry is re-opened from: anything someone has already decided. */
export const REOPENABLE_STATES: readonly TriageState[] = TRIAGE_STATES.filter((s) => canTransition(s, 'new', 'system'));

export const STATE_LABELS: Record<TriageState, string> = {
  new: 'New',
  in_review: 'In review',
  benign: 'Benign',
  suspicious: 'Suspicious',
  malicious: 'Malicious',
  closed: 'Closed',
};
