// GET /inventory/export – the inventory's current filter and sort as CSV, every page
import { everyRow } from '@/lib/data/export-pages';
import { listInventory } from '@/lib/data/inventory';
import { csvRoute, today } from '@/lib/http/csv-route';
import { parseInventorySearchParams } from '@/lib/validation/inventory';

export const GET = csvRoute({
  policy: { minRole: 'viewer', scopes: ['read'] },
  parse: parseInventorySearchParams,
  fileName: () => `tasklens-inventory-${today()}.csv`,
  header: ['entry_id', 'family', 'name', 'command', 'executable', 'hosts_now', 'hosts_ever', 'first_seen', 'last_seen'],
  async *rows(search) {
    for await (const e of everyRow(search, listInventory)) yield [e.id, e.family, e.name, e.command, e.executable, e.hostsNow, e.hostsEver, e.firstSeenAt, e.lastSeenAt];
  },
});
