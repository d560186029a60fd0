// GET /outliers/export – the outliers list's current filter and sort as CSV, every page
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { csvResponse } from '@/lib/csv-export';
import { everyRow } from '@/lib/data/export-pages';
import { listOutliers } from '@/lib/data/outliers';
import { getTriageStates } from '@/lib/data/triage-read';
import { toErrorResponse } from '@/lib/errors';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';

const HEADER = ['entry_id', 'score', 'name', 'family', 'command', 'hosts_now', 'family_hosts', 'new_since', 'first_seen', 'rarity', 'heuristics', 'newness', 'drift', 'burst', 'peer', 'reasons', 'suppressed', 'triage_state', 'assignee'];

export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateRequest(request, { minRole: 'viewer', scopes: ['read'] });
    const search = parseOutlierSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    async function* rows() {
      let batch: Awaited<ReturnType<typeof listOutliers>>['rows'] = [];
      // Triage states are looked up per batch of rows, like the page does for its rows.
      async function* flush() {
        const states = await getTriageStates(batch.map((r) => r.id));
        for (const o of batch) {
          const p = o.parts;
          yield [o.id, o.score, o.name, o.family, o.command, o.hostsNow, o.familyHosts, o.newSince, o.firstSeenAt, p.rarity, p.heuristics, p.newness, p.drift, p.burst, p.peer, o.reasons.map((r) => r.text).join('; '), o.isSuppressed, states[o.id]?.state ?? '', states[o.id]?.assignee ?? ''];
        }
        batch = [];
      }
      for await (const o of everyRow(search, listOutliers)) {
        batch.push(o);
        if (batch.length === 500) yield* flush();
      }
      yield* flush();
    }
    return csvResponse(`tasklens-outliers-${new Date().toISOString().slice(0, 10)}.csv`, HEADER, rows());
  } catch (err) {
    return toErrorResponse(err);
  }
}
