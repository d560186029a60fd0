// POST /api/v1/entries/{id}/triage – change an entry's triage (state, assignee, due date, comment, suppression)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { clientIp } from '@/lib/auth/session';
import { applyTriage } from '@/lib/data/triage';
import { getEntryTriage } from '@/lib/data/triage-read';
import { toErrorResponse } from '@/lib/errors';
import { idParamSchema } from '@/lib/validation/entry';
import { triageChangeSchema } from '@/lib/validation/triage';

export async function POST(request: Request, ctx: RouteContext<'/api/v1/entries/[id]/triage'>): Promise<Response> {
  try {
    const actor = await authenticateRequest(request, { minRole: 'analyst', scopes: ['triage'] });
    const id = idParamSchema.parse((await ctx.params).id);
    const change = triageChangeSchema.parse(await request.json().catch(() => ({})));
    const result = await applyTriage(actor, [id], change, clientIp(request.headers));
    const items = await getEntryTriage(id);
    return Response.json({ ...result, item: items.find((i) => i.hostId === change.hostId) ?? null });
  } catch (err) {
    return toErrorResponse(err);
  }
}
