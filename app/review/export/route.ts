// GET /review/export – every triage item as CSV (managers and admins, session only)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { iterateTriageItems, TRIAGE_EXPORT_HEADER } from '@/lib/data/triage-review';
import { toErrorResponse } from '@/lib/errors';

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await authenticateRequest(request, { minRole: 'manager', scopes: [] });
    return csvResponse(`tasklens-triage-${new Date().toISOString().slice(0, 10)}.csv`, TRIAGE_EXPORT_HEADER, iterateTriageItems(user));
  } catch (err) {
    return toErrorResponse(err);
  }
}
