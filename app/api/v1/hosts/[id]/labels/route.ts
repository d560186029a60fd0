// PUT /api/v1/hosts/{id}/labels – replace a host's labels with { labels: { key: value } }
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { setHostLabels } from '@/lib/data/host-detail';
import { toErrorResponse } from '@/lib/errors';
import { idParamSchema } from '@/lib/validation/entry';
import { hostLabelsSchema } from '@/lib/validation/host-detail';
import { clientIp } from '@/lib/auth/session';

export async function PUT(request: Request, ctx: RouteContext<'/api/v1/hosts/[id]/labels'>): Promise<Response> {
  try {
    const actor = await authenticateRequest(request, { minRole: 'analyst', scopes: ['ingest'] });
    const id = idParamSchema.parse((await ctx.params).id);
    const body = hostLabelsSchema.parse(await request.json().catch(() => ({})));
    const labels = await setHostLabels(actor, id, body.labels, clientIp(request.headers));
    return Response.json({ hostId: id, labels });
  } catch (err) {
    return toErrorResponse(err);
  }
}
