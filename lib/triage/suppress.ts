import { Prisma } from '@/lib/generated/prisma/client';
import { recordChanges, type ChangeContext } from './changes';

type Tx = Prisma.TransactionClient;

export interface SuppressionRequest {
  kind: 'entry' | 'signer' | 'path' | 'label';
  /** Required for `label` (key=value); the other kinds take their value from each entry. */
  value: string | null;
  reason: string;
  expiresAt: Date | null;
}

/** Each item's suppression value: its entry id, executable path, the signer of most hosts now, or the label given. */
function valuesSql(itemIds: number[], s: SuppressionRequest): Prisma.Sql {
  const value =
    s.kind === 'entry'
      ? Prisma.sql`e.id::text`
      : s.kind === 'path'
        ? Prisma.sql`NULLIF(e.executable, '')`
        : s.kind === 'signer'
          ? Prisma.sql`(SELECT v.signer FROM presences p JOIN variants v ON v.id = p.variant_id
              WHERE p.entry_id = e.id AND p.until_at IS NULL AND COALESCE(v.signer, '') <> ''
              GROUP BY v.signer ORDER BY count(*) DESC, v.signer LIMIT 1)`
          : Prisma.sql`${s.value}::text`;
  return Prisma.sql`SELECT t.id AS item_id, t.entry_id, ${value} AS value
    FROM triage_items t JOIN entries e ON e.id = t.entry_id WHERE t.id = ANY(${itemIds}::int[])`;
}

/**
 * Create one suppression per distinct value (the same signer for 500 items is one rule) in the caller's
 * transaction, skipping values an active suppression of that kind already covers; each item's history says which
 * rule covers it. Items without a value (no signer, no path) are left out and not counted.
 */
export async function suppressItems(tx: Tx, ctx: ChangeContext, itemIds: number[], s: SuppressionRequest): Promise<number[]> {
  const values = valuesSql(itemIds, s);
  await tx.$executeRaw`
    INSERT INTO suppressions (kind, value, reason, owner, expires_at)
    SELECT DISTINCT ${s.kind}, v.value, ${s.reason}, ${ctx.actor}, ${s.expiresAt}::timestamptz FROM (${values}) v
    WHERE v.value IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM suppressions su WHERE su.kind = ${s.kind} AND su.value = v.value AND (su.expires_at IS NULL OR su.expires_at > now()))`;
  return recordChanges(
    tx,
    ctx,
    Prisma.sql`SELECT item_id, entry_id, 'suppression' AS field, NULL::text AS from_value, ${s.kind} || ':' || value AS to_value, ${s.reason}::text AS reason
      FROM (${values}) v WHERE value IS NOT NULL`,
  );
}
