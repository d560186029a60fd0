// POST /api/v1/triage/bulk – one change over entry ids, or over an outliers filter's result one chunk per call
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { clientIp } from '@/lib/auth/session';
import { bulkTriage } from '@/lib/data/triage-bulk';
import { toErrorResponse } from '@/lib/errors';
import { bulkTriageSchema } from '@/lib/validation/triage';

export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await authenticateRequest(request, { minRole: 'analyst', scopes: ['triage'] });
    const input = bulkTriageSchema.parse(await request.json().catch(() => ({})));
    return Response.json(await bulkTriage(actor, input, clientIp(request.headers)));
  } catch (err) {
    return toErrorResponse(err);
  }
}
