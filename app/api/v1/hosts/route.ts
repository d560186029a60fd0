// GET /api/v1/hosts – hosts with sources, labels, entry counts and last report (q, sort, page, size)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { listHosts } from '@/lib/data/hosts';
import { toErrorResponse } from '@/lib/errors';
import { searchParamsOf } from '@/lib/http/search-params';
import { parseHostSearchParams } from '@/lib/validation/hosts';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseHostSearchParams(searchParamsOf(request));
    const page = await listHosts(search);
    return Response.json({ items: page.rows, total: page.total, page: search.page, size: search.size });
  } catch (err) {
    return toErrorResponse(err);
  }
}
