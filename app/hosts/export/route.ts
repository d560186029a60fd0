// GET /hosts/export – the hosts list's current filter and sort as CSV, every page
import { everyRow } from '@/lib/data/export-pages';
import { listHosts } from '@/lib/data/hosts';
import { csvRoute, today } from '@/lib/http/csv-route';
import { parseHostSearchParams } from '@/lib/validation/hosts';

export const GET = csvRoute({
  policy: { minRole: 'viewer', scopes: ['read'] },
  parse: parseHostSearchParams,
  fileName: () => `tasklens-hosts-${today()}.csv`,
  header: ['host_id', 'host', 'os', 'labels', 'sources', 'entries_now', 'snapshots', 'last_snapshot'],
  async *rows(search) {
    for await (const h of everyRow(search, listHosts)) {
      const labels = Object.entries(h.labels).map(([k, v]) => `${k}=${v}`).join(',');
      yield [h.id, h.name, h.osFamily, labels, h.sources.join(' '), h.entries, h.snapshots, h.lastSnapshotAt];
    }
  },
});
