// GET /admin/audit/export – the filtered audit log as CSV (managers and admins, session only)
import { iterateAuditEvents } from '@/lib/data/audit';
import { csvRoute, today } from '@/lib/http/csv-route';
import { auditFilterOf, parseAuditSearchParams } from '@/lib/validation/audit';

export const GET = csvRoute({
  policy: { minRole: 'manager', scopes: [] },
  parse: parseAuditSearchParams,
  fileName: () => `tasklens-audit-${today()}.csv`,
  header: ['time', 'actor', 'action', 'target', 'ip', 'details'],
  async *rows(search, user) {
    for await (const e of iterateAuditEvents(user, auditFilterOf(search))) yield [e.at, e.actor, e.action, e.target, e.ip, e.details];
  },
});
