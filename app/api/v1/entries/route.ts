// GET /api/v1/entries – the inventory: every entry with prevalence (q, family, host, sort, page, size)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { listInventory } from '@/lib/data/inventory';
import { toErrorResponse } from '@/lib/errors';
import { searchParamsOf } from '@/lib/http/search-params';
import { parseInventorySearchParams } from '@/lib/validation/inventory';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseInventorySearchParams(searchParamsOf(request));
    const page = await listInventory(search);
    return Response.json({ items: page.rows, total: page.total, fleetHosts: page.fleetHosts, page: search.page, size: search.size });
  } catch (err) {
    return toErrorResponse(err);
  }
}
