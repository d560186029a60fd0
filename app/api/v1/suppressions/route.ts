// GET /api/v1/suppressions – list suppressions; POST – create one (managers)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { createSuppression, listSuppressions } from '@/lib/data/suppressions';
import { toErrorResponse } from '@/lib/errors';
import { clientIp } from '@/lib/auth/session';
import { createSuppressionApiSchema, parseSuppressionSearchParams } from '@/lib/validation/suppressions';

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseSuppressionSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    const { rows, total } = await listSuppressions(search);
    return Response.json({ items: rows, total, page: search.page, size: search.size });
  } catch (err) {
    return toErrorResponse(err);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await authenticateRequest(request, { minRole: 'manager', scopes: [] });
    const input = createSuppressionApiSchema.parse(await request.json().catch(() => ({})));
    const row = await createSuppression(user, input, clientIp(request.headers));
    return Response.json(row, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
