// GET /outliers/export – the outliers list's current filter and sort as CSV, every page
import { everyRow } from '@/lib/data/export-pages';
import { listOutliers } from '@/lib/data/outliers';
import { getTriageStates } from '@/lib/data/triage-read';
import { csvRoute, today } from '@/lib/http/csv-route';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';

const HEADER = ['entry_id', 'score', 'name', 'family', 'command', 'hosts_now', 'family_hosts', 'new_since', 'first_seen', 'rarity', 'heuristics', 'newness', 'drift', 'burst', 'peer', 'reasons', 'suppressed', 'triage_state', 'assignee'];

export const GET = csvRoute({
  policy: { minRole: 'viewer', scopes: ['read'] },
  parse: parseOutlierSearchParams,
  fileName: () => `tasklens-outliers-${today()}.csv`,
  header: HEADER,
  async *rows(search) {
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
  },
});
