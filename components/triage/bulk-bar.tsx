'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { runBulkTriage } from '@/app/triage/actions';
import type { Role } from '@/lib/auth/roles';
import type { Assignee } from '@/lib/data/triage-read';
import { STATE_LABELS, TRIAGE_STATES } from '@/lib/triage/state-machine';

type Op = 'assign' | 'state' | 'comment' | 'suppress';

interface BulkBarProps {
  selectedIds: number[];
  /** Rows the current filter matches, and the filter as a query string (page and sort left out). */
  filterTotal: number;
  filter: string;
  role: Role;
  assignees: Assignee[];
  onDone: () => void;
}

/** The change one bulk run applies, from the bar's fields. */
function changeOf(op: Op, form: FormData): Record<string, unknown> {
  const value = (k: string) => String(form.get(k) ?? '').trim();
  if (op === 'assign') return { assignee: value('assignee') === 'none' ? null : value('assignee') === 'me' ? 'me' : Number(value('assignee')) };
  if (op === 'state') return { state: value('state'), ...(value('comment') ? { comment: value('comment') } : {}) };
  if (op === 'comment') return { comment: value('comment') };
  const days = Number(value('days'));
  return { suppression: { kind: value('kind'), reason: value('reason'), expiresAt: days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : null } };
}

/**
 * Bulk triage over the selected rows or the whole filter result. A filter run goes chunk by chunk (each chunk one
 * set-based step on the server) so the bar can show progress and a failure stops at a known point.
 */
export function BulkBar({ selectedIds, filterTotal, filter, role, assignees, onDone }: BulkBarProps) {
  const router = useRouter();
  const [op, setOp] = useState<Op>('assign');
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const isManager = role === 'manager' || role === 'admin';
  const effectiveScope = selectedIds.length === 0 ? 'filter' : scope;

  async function run(form: FormData) {
    const change = changeOf(op, form);
    const total = effectiveScope === 'selected' ? selectedIds.length : filterTotal;
    let afterId: number | null = 0;
    const sum = { items: 0, changed: 0, skipped: 0 };
    setMessage(null);
    setProgress({ done: 0, total });
    while (afterId !== null) {
      const input = effectiveScope === 'selected' ? { entryIds: selectedIds, change } : { filter, afterId, change };
      const res = await runBulkTriage(input);
      if (!res.ok || !res.progress) {
        setMessage({ ok: false, text: res.message ?? 'The bulk change failed.' });
        setProgress(null);
        return;
      }
      sum.items += res.progress.items;
      sum.changed += res.progress.changed;
      sum.skipped += res.progress.skipped;
      setProgress({ done: sum.items, total: Math.max(total, sum.items + res.progress.remaining) });
      afterId = res.progress.nextAfterId;
    }
    setMessage({ ok: true, text: `Done: ${sum.items} items, ${sum.changed} changed${sum.skipped ? `, ${sum.skipped} skipped (not allowed from their state)` : ''}.` });
    onDone();
    router.refresh();
  }

  return (
    <form className="bulk-bar panel" aria-label="Bulk triage" onSubmit={(e) => { e.preventDefault(); const form = new FormData(e.currentTarget); startTransition(() => run(form)); }}>
      <fieldset className="radio-row">
        <legend className="sr-only">Apply to</legend>
        <label>
          <input type="radio" name="scope" checked={effectiveScope === 'selected'} disabled={selectedIds.length === 0} onChange={() => setScope('selected')} /> {selectedIds.length} selected
        </label>
        <label>
          <input type="radio" name="scope" checked={effectiveScope === 'filter'} onChange={() => setScope('filter')} /> all {filterTotal.toLocaleString('en-US')} matching the filter
        </label>
      </fieldset>
      <select aria-label="Bulk action" value={op} onChange={(e) => setOp(e.target.value as Op)}>
        <option value="assign">Assign</option>
        <option value="state">Set state</option>
        <option value="comment">Comment</option>
        {isManager && <option value="suppress">Suppress</option>}
      </select>
      {op === 'assign' && (
        <select name="assignee" aria-label="Assign to">
          <option value="me">me</option>
          <option value="none">nobody</option>
          {isManager && assignees.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </select>
      )}
      {op === 'state' && (
        <select name="state" aria-label="New state">
          {TRIAGE_STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
        </select>
      )}
      {(op === 'comment' || op === 'state') && <input name="comment" aria-label="Bulk comment" placeholder={op === 'state' ? 'comment (optional)' : 'comment (markdown)'} required={op === 'comment'} />}
      {op === 'suppress' && (
        <>
          <select name="kind" aria-label="Suppress by">
            <option value="entry">entry</option>
            <option value="signer">signer</option>
            <option value="path">path</option>
          </select>
          <input name="reason" aria-label="Bulk suppression reason" placeholder="reason (required)" required minLength={3} />
          <input name="days" aria-label="Expires after days" type="number" min={0} placeholder="days (empty: never)" />
        </>
      )}
      <button type="submit" className="primary" disabled={isPending}>
        Apply
      </button>
      {progress && <progress aria-label="Bulk progress" value={progress.done} max={Math.max(1, progress.total)} />}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'result-ok' : 'result-error'}>{message.text}</p>}
    </form>
  );
}
