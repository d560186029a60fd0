// DELETE /api/v1/suppressions/{id} – remove a suppression (managers; the audit log keeps what it was)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { clientIp } from '@/lib/auth/session';
import { deleteSuppression } from '@/lib/data/suppressions';
import { toErrorResponse } from '@/lib/errors';
import { suppressionIdSchema } from '@/lib/validation/suppressions';

export async function DELETE(request: Request, ctx: RouteContext<'/api/v1/suppressions/[id]'>): Promise<Response> {
  try {
    const user = await authenticateRequest(request, { minRole: 'manager', scopes: [] });
    const { id } = suppressionIdSchema.parse(await ctx.params);
    await deleteSuppression(user, id, clientIp(request.headers));
    return new Response(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
