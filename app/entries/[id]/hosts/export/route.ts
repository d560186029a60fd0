// GET /entries/{id}/hosts/export – the hosts having an entry (now, or ever with state=all) as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { listEntryHosts } from '@/lib/data/entry-hosts';
import { AppError, toErrorResponse } from '@/lib/errors';
import { idParamSchema, parseEntryHostSearchParams } from '@/lib/validation/entry';

export async function GET(request: Request, ctx: RouteContext<'/entries/[id]/hosts/export'>): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const id = idParamSchema.safeParse((await ctx.params).id);
    if (!id.success) throw new AppError('not_found', 'no such entry');
    const search = parseEntryHostSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const h of everyRow(search, (s) => listEntryHosts(id.data!, s))) {
        const labels = Object.entries(h.labels).map(([k, v]) => `${k}=${v}`).join(',');
        yield [id.data, h.hostId, h.host, labels, h.isPresent, h.firstSeenAt, h.goneAt, h.variants];
      }
    }
    const header = ['entry_id', 'host_id', 'host', 'labels', 'has_it_now', 'first_seen', 'gone_at', 'variants'];
    return csvResponse(`tasklens-entry-${id.data}-hosts.csv`, header, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
