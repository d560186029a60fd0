// GET /hosts/export – the hosts list's current filter and sort as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { listHosts } from '@/lib/data/hosts';
import { toErrorResponse } from '@/lib/errors';
import { parseHostSearchParams } from '@/lib/validation/hosts';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseHostSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const h of everyRow(search, listHosts)) {
        const labels = Object.entries(h.labels).map(([k, v]) => `${k}=${v}`).join(',');
        yield [h.id, h.name, h.osFamily, labels, h.sources.join(' '), h.entries, h.snapshots, h.lastSnapshotAt];
      }
    }
    const header = ['host_id', 'host', 'os', 'labels', 'sources', 'entries_now', 'snapshots', 'last_snapshot'];
    return csvResponse(`tasklens-hosts-${new Date().toISOString().slice(0, 10)}.csv`, header, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
