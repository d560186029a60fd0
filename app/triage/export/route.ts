// GET /triage/export – the triage queue's current view, state and sort as CSV, every page (session only: "mine" is a person's view)
import { everyRow } from '@/lib/data/export-pages';
import { listTriageQueue } from '@/lib/data/triage-queue';
import { csvRoute } from '@/lib/http/csv-route';
import { parseTriageQueueSearchParams } from '@/lib/validation/triage';

export const GET = csvRoute({
  policy: { minRole: 'viewer', scopes: [] },
  parse: parseTriageQueueSearchParams,
  fileName: (search) => `tasklens-triage-${search.view}-${search.state}.csv`,
  header: ['item_id', 'entry_id', 'entry', 'command', 'scope', 'state', 'severity', 'assignee', 'age_days', 'due', 'overdue', 'reopen_reason'],
  async *rows(search, user) {
    for await (const t of everyRow(search, (s) => listTriageQueue(user, s))) {
      yield [t.id, t.entryId, t.entryName, t.command, t.hostName ?? 'fleet', t.state, t.severity, t.assignee, t.ageDays, t.dueAt, t.isOverdue, t.reopenReason];
    }
  },
});
