// GET /hosts/{id}/entries/export – a host's entries (now or at ?at=) with its filter and sort as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { getHost } from '@/lib/data/host-detail';
import { listHostEntries } from '@/lib/data/host-entries';
import { AppError, toErrorResponse } from '@/lib/errors';
import { idParamSchema } from '@/lib/validation/entry';
import { parseHostDetailSearchParams } from '@/lib/validation/host-detail';

export async function GET(request: Request, ctx: RouteContext<'/hosts/[id]/entries/export'>): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const id = idParamSchema.safeParse((await ctx.params).id);
    const host = id.success ? await getHost(id.data) : null;
    if (!host) throw new AppError('not_found', 'no such host');
    const search = parseHostDetailSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      for await (const e of everyRow(search, (s) => listHostEntries(host!.id, s))) {
        yield [host!.name, e.id, e.hostScore, e.score, e.family, e.name, e.command, e.firstSeenHere, e.isBaseline, e.isNewHere, e.isOnlyHere, e.reasons.map((r) => r.text).join('; ')];
      }
    }
    const header = ['host', 'entry_id', 'host_score', 'fleet_score', 'family', 'name', 'command', 'first_seen_here', 'baseline', 'new_here', 'only_here', 'reasons'];
    return csvResponse(`tasklens-host-${host.name}-entries.csv`, header, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
