import { Prisma } from '@/lib/generated/prisma/client';
import { slaFromSetting } from './sla';
import { dueSql, recordChanges } from './changes';
import { REOPENABLE_STATES } from './state-machine';

type Tx = Prisma.TransactionClient;

/** Host label keys whose values form the peer groups a triaged entry may newly show up in. */
export const PEER_LABEL_KEYS = ['role', 'site'];

export interface DriftInput {
  snapshotId: number;
  hostId: number;
  /** Entries whose presence the snapshot changed (store-presence's touchedEntryIds). */
  entryIds: number[];
}

/**
 * Why each decided item of the touched entries drifted with this snapshot: a variant it opened whose command, hash,
 * signer and run-as together were never seen on the entry before, or a host in a role/site group no earlier host
 * with the entry was in. Items narrowed to another host ignore drift elsewhere.
 */
function driftSql(input: DriftInput): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (
      SELECT t.id, t.entry_id FROM triage_items t
      WHERE t.entry_id = ANY(${input.entryIds}::int[]) AND t.state = ANY(${REOPENABLE_STATES}::text[])
        AND (t.host_id IS NULL OR t.host_id = ${input.hostId})
    ),
    fresh AS (
      SELECT DISTINCT p.entry_id, v.command, COALESCE(v.sha256, v.sha1, v.md5) AS hash, v.signer, v.run_as
      FROM presences p JOIN variants v ON v.id = p.variant_id
      WHERE p.first_snapshot_id = ${input.snapshotId} AND p.entry_id IN (SELECT entry_id FROM cand)
    ),
    seen AS (
      SELECT f.*, bool_or(v.command IS NOT DISTINCT FROM f.command) AS cmd, bool_or(COALESCE(v.sha256, v.sha1, v.md5) IS NOT DISTINCT FROM f.hash) AS hsh,
             bool_or(v.signer IS NOT DISTINCT FROM f.signer) AS sig, bool_or(v.run_as IS NOT DISTINCT FROM f.run_as) AS usr,
             bool_or(v.command IS NOT DISTINCT FROM f.command AND COALESCE(v.sha256, v.sha1, v.md5) IS NOT DISTINCT FROM f.hash
                     AND v.signer IS NOT DISTINCT FROM f.signer AND v.run_as IS NOT DISTINCT FROM f.run_as) AS known
      FROM fresh f LEFT JOIN presences p ON p.entry_id = f.entry_id AND p.first_snapshot_id <> ${input.snapshotId}
      LEFT JOIN variants v ON v.id = p.variant_id
      GROUP BY f.entry_id, f.command, f.hash, f.signer, f.run_as
    ),
    reasons AS (
      SELECT entry_id, 'new variant on ' || (SELECT name FROM hosts WHERE id = ${input.hostId}) || ': ' ||
             COALESCE(NULLIF(concat_ws(', ', CASE WHEN NOT cmd THEN 'command' END, CASE WHEN NOT hsh THEN 'hash' END,
               CASE WHEN NOT sig THEN 'signer' END, CASE WHEN NOT usr THEN 'run-as' END), ''), 'new combination of command, hash, signer and run-as') AS reason
      FROM seen WHERE known IS NOT TRUE
      UNION ALL
      SELECT DISTINCT f.entry_id, 'new peer group: ' || (SELECT name FROM hosts WHERE id = ${input.hostId}) || ' is ' || l.key || '=' || l.value
      FROM fresh f JOIN host_labels l ON l.host_id = ${input.hostId} AND l.key = ANY(${PEER_LABEL_KEYS}::text[])
      WHERE NOT EXISTS (
        SELECT 1 FROM presences p JOIN host_labels l2 ON l2.host_id = p.host_id AND l2.key = l.key AND l2.value = l.value
        WHERE p.entry_id = f.entry_id AND p.first_snapshot_id <> ${input.snapshotId})
    )
    SELECT c.id AS item_id, string_agg(DISTINCT r.reason, '; ') AS reason
    FROM cand c JOIN reasons r ON r.entry_id = c.entry_id GROUP BY c.id`;
}

/**
 * Re-open (state `new`, a fresh due date) the decided triage items of entries that drifted with these snapshots
 * (a batch of an upload, one per stream), with the reason in their history, the audit log and a notice to the
 * assignee. Runs in the snapshots' transaction, after presences are written; a batch that touched no triaged
 * entry costs one indexed lookup.
 */
export async function reopenDriftedItems(tx: Tx, inputs: DriftInput[]): Promise<number> {
  const entryIds = [...new Set(inputs.flatMap((i) => i.entryIds))];
  if (entryIds.length === 0) return 0;
  const triaged = await tx.$queryRaw<{ entry_id: number }[]>`SELECT DISTINCT entry_id FROM triage_items
    WHERE entry_id = ANY(${entryIds}::int[]) AND state = ANY(${REOPENABLE_STATES}::text[])`;
  if (triaged.length === 0) return 0;
  const isTriaged = new Set(triaged.map((r) => r.entry_id));
  let reopened = 0;
  for (const input of inputs) {
    if (input.entryIds.some((id) => isTriaged.has(id))) reopened += await reopenForSnapshot(tx, input);
  }
  return reopened;
}

async function reopenForSnapshot(tx: Tx, input: DriftInput): Promise<number> {
  const stored = await tx.setting.findUnique({ where: { key: 'sla' }, select: { value: true } });
  const ctx = { actor: 'ingest', ip: null, sla: slaFromSetting(stored?.value) };
  const reopened = await recordChanges(
    tx,
    ctx,
    Prisma.sql`
      UPDATE triage_items t SET state = 'new', reopen_reason = d.reason, closed_at = NULL, signed_off_by = NULL, updated_at = now(),
        due_at = ${dueSql(ctx.sla, Prisma.sql`t.severity`)}
      FROM (${driftSql(input)}) d, triage_items o
      WHERE t.id = d.item_id AND o.id = t.id
      RETURNING t.id AS item_id, t.entry_id, 'state' AS field, o.state AS from_value, 'new'::text AS to_value, d.reason`,
  );
  if (reopened.length > 0) {
    await tx.$executeRaw`
      INSERT INTO notifications (user_id, kind, item_id, message)
      SELECT t.assignee_id, 'reopened', t.id, 'Re-opened: ' || e.name || ' (' || t.reopen_reason || ')'
      FROM triage_items t JOIN entries e ON e.id = t.entry_id
      WHERE t.id = ANY(${reopened}::int[]) AND t.assignee_id IS NOT NULL`;
  }
  return reopened.length;
}
