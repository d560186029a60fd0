// GET /api/v1/entries/{id} – one entry: identity, score with reasons, variants, heuristic hits, first hosts
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { getEntry, getEntryScore, listEntryHits, listEntryVariants } from '@/lib/data/entry';
import { listEntryHosts } from '@/lib/data/entry-hosts';
import { AppError, toErrorResponse } from '@/lib/errors';
import { idParamSchema, parseEntryHostSearchParams } from '@/lib/validation/entry';

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const id = idParamSchema.parse((await ctx.params).id);
    const entry = await getEntry(id);
    if (!entry) throw new AppError('not_found', `no entry ${id}`);
    const [score, variants, hits, hosts] = await Promise.all([
      getEntryScore(id),
      listEntryVariants(id),
      listEntryHits(id),
      listEntryHosts(id, parseEntryHostSearchParams({})),
    ]);
    return Response.json({ entry, score, variants, hits, hosts: hosts.rows, hostCount: hosts.total });
  } catch (err) {
    return toErrorResponse(err);
  }
}
