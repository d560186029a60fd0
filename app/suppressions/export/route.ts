// GET /suppressions/export – the suppressions list's current filter and sort as CSV, every page
import { everyRow } from '@/lib/data/export-pages';
import { listSuppressions } from '@/lib/data/suppressions';
import { csvRoute } from '@/lib/http/csv-route';
import { parseSuppressionSearchParams } from '@/lib/validation/suppressions';

export const GET = csvRoute({
  policy: { minRole: 'viewer', scopes: ['read'] },
  parse: parseSuppressionSearchParams,
  fileName: (search) => `tasklens-suppressions-${search.status}.csv`,
  header: ['suppression_id', 'kind', 'value', 'entry', 'reason', 'owner', 'created', 'expires', 'active'],
  async *rows(search) {
    for await (const s of everyRow(search, listSuppressions)) yield [s.id, s.kind, s.value, s.entryName, s.reason, s.owner, s.createdAt, s.expiresAt, s.isActive];
  },
});
