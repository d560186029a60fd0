// GET /suppressions/export – the suppressions list's current filter and sort as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { listSuppressions } from '@/lib/data/suppressions';
import { toErrorResponse } from '@/lib/errors';
import { parseSuppressionSearchParams } from '@/lib/validation/suppressions';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseSuppressionSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const s of everyRow(search, listSuppressions)) yield [s.id, s.kind, s.value, s.entryName, s.reason, s.owner, s.createdAt, s.expiresAt, s.isActive];
    }
    const header = ['suppression_id', 'kind', 'value', 'entry', 'reason', 'owner', 'created', 'expires', 'active'];
    return csvResponse(`tasklens-suppressions-${search.status}.csv`, header, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
