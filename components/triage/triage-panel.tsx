import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';
import { listMentionHandles } from '@/lib/data/mentions';
import { getEntryTriage, listAssignees, type TriageItemView } from '@/lib/data/triage-read';
import { formatDate, formatDateTime } from '@/lib/format/labels';
import { Markdown } from './markdown';
import { StateTag } from './state-tag';
import { TriageForm } from './triage-form';
import { TriageHistory } from './triage-history';

function ItemSummary({ item }: { item: TriageItemView }) {
  return (
    <dl className="kv triage-summary">
      <dt>State</dt>
      <dd>
        <StateTag state={item.state} /> {item.verdict && item.state !== item.verdict && <span className="muted">last verdict {item.verdict}</span>}
      </dd>
      <dt>Severity</dt>
      <dd>{item.severity}</dd>
      <dt>Assignee</dt>
      <dd>{item.assignee ?? <span className="muted">unassigned</span>}</dd>
      <dt>Due</dt>
      <dd className={item.isOverdue ? 'result-error' : undefined}>
        {item.dueAt ? formatDate(item.dueAt) : '—'} {item.isOverdue && '(overdue)'}
      </dd>
      {item.reopenReason && (
        <>
          <dt>Re-opened</dt>
          <dd>{item.reopenReason}</dd>
        </>
      )}
      {item.signedOffBy && (
        <>
          <dt>Signed off by</dt>
          <dd>{item.signedOffBy}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The entry page's triage section: the fleet-wide item (and any narrowed to one host) with its state, form,
 * comments and history. Viewers read; analysts and up change. Fetches its own data so the page needs one line.
 */
export async function TriagePanel({ entryId }: { entryId: number }) {
  const user = await requireUser('viewer');
  const [items, assignees, mentionable] = await Promise.all([getEntryTriage(entryId), listAssignees(), listMentionHandles()]);
  const canEdit = hasRole(user.role, 'analyst');
  const fleet = items.find((i) => i.hostId === null);
  return (
    <section className="panel triage-panel" aria-label="Triage">
      <h2>Triage</h2>
      {!fleet && <p className="muted">Nobody has triaged this entry yet.{canEdit && ' Start below: assign it, comment, or give a verdict.'}</p>}
      {canEdit && !fleet && <TriageForm entryId={entryId} hostId={null} state="new" role={user.role} assignees={assignees} label="Triage this entry" />}
      {items.map((item) => (
        <article key={item.id} className="triage-item" aria-label={item.hostName ? `Triage on ${item.hostName}` : 'Fleet-wide triage'}>
          <h3>{item.hostName ? `On ${item.hostName} only` : 'Fleet-wide'}</h3>
          <ItemSummary item={item} />
          {canEdit && <TriageForm entryId={entryId} hostId={item.hostId} state={item.state} role={user.role} assignees={assignees} label={item.hostName ? `Triage on ${item.hostName}` : 'Triage this entry'} />}
          <section aria-label="Comments" className="triage-comments">
            <h4>Comments ({item.comments.length})</h4>
            {item.comments.length === 0 && <p className="muted">No comments yet.</p>}
            {item.comments.map((c) => (
              <article key={c.id} className="triage-comment">
                <p className="muted">
                  {c.author} · {formatDateTime(c.at)}
                </p>
                <Markdown text={c.body} mentionable={mentionable} />
              </article>
            ))}
          </section>
          <TriageHistory events={item.events} />
        </article>
      ))}
    </section>
  );
}
