// GET /api/v1/hosts/{id}/diff?from=&to= – what changed between two snapshots of one source on a host (kind, page, size)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { listHostSnapshots } from '@/lib/data/host-detail';
import { diffSnapshots, pageOfChanges } from '@/lib/data/snapshot-diff';
import { AppError, toErrorResponse } from '@/lib/errors';
import { searchParamsOf } from '@/lib/http/search-params';
import { idParamSchema } from '@/lib/validation/entry';
import { hostDiffQuerySchema } from '@/lib/validation/host-detail';

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const hostId = idParamSchema.parse((await ctx.params).id);
    const { from, to, kind, page, size } = hostDiffQuerySchema.parse(searchParamsOf(request));
    const snapshots = await listHostSnapshots(hostId);
    const a = snapshots.find((s) => s.id === from);
    const b = snapshots.find((s) => s.id === to);
    if (!a || !b) throw new AppError('not_found', `snapshots ${from} and ${to} must both belong to host ${hostId}`);
    if (a.source !== b.source) throw new AppError('bad_request', `snapshots ${from} (${a.source}) and ${to} (${b.source}) are of different sources`);
    const changes = pageOfChanges(await diffSnapshots(from, to), { kind, page, size });
    return Response.json({ hostId, from: a, to: b, changes: changes.rows, total: changes.total, counts: changes.counts, page, size });
  } catch (err) {
    return toErrorResponse(err);
  }
}
