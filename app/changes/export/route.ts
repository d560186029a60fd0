// GET /changes/export – the change feed's current filter as CSV, every row and every host
import { iterateChanges } from '@/lib/data/changes';
import { csvRoute } from '@/lib/http/csv-route';
import { parseChangeSearchParams } from '@/lib/validation/changes';

export const GET = csvRoute({
  policy: { minRole: 'viewer', scopes: ['read'] },
  parse: parseChangeSearchParams,
  fileName: (search) => `tasklens-changes-${search.kind}-${search.window}.csv`,
  header: ['change', 'at', 'family', 'name', 'command', 'hosts', 'hosts_now', 'host_names'],
  async *rows(search) {
    for await (const c of iterateChanges(search)) yield [search.kind, c.at, c.family, c.name, c.command, c.hostCount, c.hostsNow, c.allHosts];
  },
});
