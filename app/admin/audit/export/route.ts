// GET /admin/audit/export – the filtered audit log as CSV (managers and admins, session only)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { iterateAuditEvents } from '@/lib/data/audit';
import { toErrorResponse } from '@/lib/errors';
import { auditFilterOf, parseAuditSearchParams } from '@/lib/validation/audit';

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await authenticateRequest(request, { minRole: 'manager', scopes: [] });
    const search = parseAuditSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const e of iterateAuditEvents(user, auditFilterOf(search))) yield [e.at, e.actor, e.action, e.target, e.ip, e.details];
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return csvResponse(`tasklens-audit-${stamp}.csv`, ['time', 'actor', 'action', 'target', 'ip', 'details'], rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
