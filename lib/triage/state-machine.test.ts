import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/auth/roles';
import { canTransition, nextStates, REOPENABLE_STATES, TRIAGE_STATES, transitionKind, type TransitionKind, type TriageActor, type TriageState } from './state-machine';

const ACTORS: TriageActor[] = [...ROLES, 'system'];
const A = ['analyst', 'manager', 'admin'] as const;
const M = ['manager', 'admin'] as const;
const REOPEN = [...A, 'system'] as const;

/**
 * The expected matrix, written out by hand rather than derived from the module: every allowed (from, to) pair
 * with its kind and the actors allowed. Any pair not listed must be refused for every actor.
 */
const ALLOWED: Record<string, { kind: TransitionKind; actors: readonly TriageActor[] }> = {
  'new>in_review': { kind: 'start', actors: A },
  'new>benign': { kind: 'verdict', actors: A },
  'new>suspicious': { kind: 'verdict', actors: A },
  'new>malicious': { kind: 'verdict', actors: A },
  'in_review>benign': { kind: 'verdict', actors: A },
  'in_review>suspicious': { kind: 'verdict', actors: A },
  'in_review>malicious': { kind: 'verdict', actors: A },
  'benign>suspicious': { kind: 'revise', actors: A },
  'benign>malicious': { kind: 'revise', actors: A },
  'suspicious>benign': { kind: 'revise', actors: A },
  'suspicious>malicious': { kind: 'revise', actors: A },
  'malicious>benign': { kind: 'revise', actors: A },
  'malicious>suspicious': { kind: 'revise', actors: A },
  'benign>closed': { kind: 'sign_off', actors: M },
  'suspicious>closed': { kind: 'sign_off', actors: M },
  'malicious>closed': { kind: 'sign_off', actors: M },
  'benign>in_review': { kind: 'send_back', actors: M },
  'suspicious>in_review': { kind: 'send_back', actors: M },
  'malicious>in_review': { kind: 'send_back', actors: M },
  'benign>new': { kind: 'reopen', actors: REOPEN },
  'suspicious>new': { kind: 'reopen', actors: REOPEN },
  'malicious>new': { kind: 'reopen', actors: REOPEN },
  'closed>new': { kind: 'reopen', actors: REOPEN },
};

const cases: [TriageState, TriageState, TriageActor, TransitionKind | null][] = [];
for (const from of TRIAGE_STATES) {
  for (const to of TRIAGE_STATES) {
    for (const actor of ACTORS) {
      const rule = ALLOWED[`${from}>${to}`];
      cases.push([from, to, actor, rule && rule.actors.includes(actor) ? rule.kind : null]);
    }
  }
}

describe('triage state machine', () => {
  it('covers every pair of states for every actor', () => {
    expect(cases).toHaveLength(TRIAGE_STATES.length ** 2 * ACTORS.length);
  });

  it.each(cases)('%s → %s by %s: %s', (from, to, actor, expected) => {
    expect(transitionKind(from, to, actor)).toBe(expected);
    expect(canTransition(from, to, actor)).toBe(expected !== null);
  });

  it('lists the next states in workflow order', () => {
    expect(nextStates('new', 'analyst')).toEqual(['in_review', 'benign', 'suspicious', 'malicious']);
    expect(nextStates('benign', 'manager')).toEqual(['new', 'in_review', 'suspicious', 'malicious', 'closed']);
    expect(nextStates('closed', 'viewer')).toEqual([]);
    expect(nextStates('closed', 'system')).toEqual(['new']);
  });

  it('re-opens on drift from decided states only', () => {
    expect(REOPENABLE_STATES).toEqual(['benign', 'suspicious', 'malicious', 'closed']);
  });
});
