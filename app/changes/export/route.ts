// GET /changes/export – the change feed's current filter as CSV, every row and every host
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { iterateChanges } from '@/lib/data/changes';
import { toErrorResponse } from '@/lib/errors';
import { parseChangeSearchParams } from '@/lib/validation/changes';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseChangeSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const c of iterateChanges(search)) yield [search.kind, c.at, c.family, c.name, c.command, c.hostCount, c.hostsNow, c.allHosts];
    }
    return csvResponse(`tasklens-changes-${search.kind}-${search.window}.csv`, ['change', 'at', 'family', 'name', 'command', 'hosts', 'hosts_now', 'host_names'], rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
