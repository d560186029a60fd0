// GET /api/v1/uploads/{id} – an upload's status, progress, warnings and snapshots
import { z } from 'zod';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { getUpload } from '@/lib/data/uploads';
import { AppError, toErrorResponse } from '@/lib/errors';

export async function GET(request: Request, ctx: RouteContext<'/api/v1/uploads/[id]'>): Promise<Response> {
  try {
    // Collectors poll the status of what they sent, so ingest tokens may read it as well as read tokens.
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['ingest', 'read'] });
    const id = z.coerce.number().int().positive().parse((await ctx.params).id);
    const upload = await getUpload(id);
    if (!upload) throw new AppError('not_found', `no upload ${id}`);
    return Response.json(upload);
  } catch (err) {
    return toErrorResponse(err);
  }
}
