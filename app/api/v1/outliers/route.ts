// GET /api/v1/outliers – ranked outliers with score parts, reasons, a few hosts and triage (the Outliers page's filters as query params: host, label, source, minScore, state, heuristic, q)
import { z } from 'zod';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { sampleHostNames } from '@/lib/data/entry-hosts';
import { listOutliers } from '@/lib/data/outliers';
import { getTriageStates } from '@/lib/data/triage-read';
import { toErrorResponse } from '@/lib/errors';
import { searchParamsOf } from '@/lib/http/search-params';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';

/** Host names listed per item; hostCount says how many there are in all. */
const HOSTS_SHOWN = 5;

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const raw = searchParamsOf(request);
    // API callers page with ?limit= and ?cursor= (the next page number), the UI with size/page.
    const parsed = parseOutlierSearchParams({ ...raw, page: raw.cursor ?? raw.page, family: raw.source ?? raw.family });
    // The page offers fixed page sizes; API callers may ask for any limit up to 200.
    const search = { ...parsed, size: z.coerce.number().int().min(1).max(200).catch(parsed.size).parse(raw.limit ?? parsed.size) };
    const page = await listOutliers(search);
    const ids = page.rows.map((r) => r.id);
    const [hosts, triage] = await Promise.all([sampleHostNames(page.rows, HOSTS_SHOWN), getTriageStates(ids)]);
    const hasMore = search.page * search.size < page.total;
    return Response.json({
      items: page.rows.map((r) => ({
        entryId: r.id,
        name: r.name,
        command: r.command,
        source: r.family,
        score: r.score,
        parts: r.parts,
        reasons: r.reasons,
        hostCount: r.hostsNow,
        fleetHosts: r.familyHosts,
        firstSeen: r.firstSeenAt,
        newSince: r.newSince,
        isSuppressed: r.isSuppressed,
        hosts: hosts[r.id] ?? [],
        triage: triage[r.id] ?? { state: 'new', assignee: null },
      })),
      total: page.total,
      threshold: page.threshold,
      nextCursor: hasMore ? String(search.page + 1) : null,
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
