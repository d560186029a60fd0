// GET /triage/export – the triage queue's current view, state and sort as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { listTriageQueue } from '@/lib/data/triage-queue';
import { toErrorResponse } from '@/lib/errors';
import { parseTriageQueueSearchParams } from '@/lib/validation/triage';

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await authenticateRequest(request, { minRole: 'viewer', scopes: [] });
    const search = parseTriageQueueSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const t of everyRow(search, (s) => listTriageQueue(user, s))) {
        yield [t.id, t.entryId, t.entryName, t.command, t.hostName ?? 'fleet', t.state, t.severity, t.assignee, t.ageDays, t.dueAt, t.isOverdue, t.reopenReason];
      }
    }
    const header = ['item_id', 'entry_id', 'entry', 'command', 'scope', 'state', 'severity', 'assignee', 'age_days', 'due', 'overdue', 'reopen_reason'];
    return csvResponse(`tasklens-triage-${search.view}-${search.state}.csv`, header, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
