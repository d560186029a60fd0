// GET /inventory/export – the inventory's current filter and sort as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { listInventory } from '@/lib/data/inventory';
import { toErrorResponse } from '@/lib/errors';
import { parseInventorySearchParams } from '@/lib/validation/inventory';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseInventorySearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const e of everyRow(search, listInventory)) yield [e.id, e.family, e.name, e.command, e.executable, e.hostsNow, e.hostsEver, e.firstSeenAt, e.lastSeenAt];
    }
    const header = ['entry_id', 'family', 'name', 'command', 'executable', 'hosts_now', 'hosts_ever', 'first_seen', 'last_seen'];
    return csvResponse(`tasklens-inventory-${new Date().toISOString().slice(0, 10)}.csv`, header, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
