import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { extractMentions } from '@/lib/triage/mentions';

type Tx = Prisma.TransactionClient;

// A handle resolves to an enabled user by whole e-mail, or by local part when no other enabled user shares it.
const HANDLES_SQL = Prisma.sql`
  SELECT u.id, u.email, split_part(u.email, '@', 1) AS local,
         count(*) OVER (PARTITION BY split_part(u.email, '@', 1)) AS shared
  FROM users u WHERE NOT u.is_disabled`;

/** Every handle that mentions someone (whole e-mails, and local parts no two enabled users share), lower-case. */
export async function listMentionHandles(): Promise<string[]> {
  const rows = await db().$queryRaw<{ email: string; local: string; shared: bigint }[]>`${HANDLES_SQL}`;
  return rows.flatMap((r) => (r.shared === 1n ? [r.email, r.local] : [r.email]));
}

/**
 * Notify the users a comment mentions, except its author: one notice per item for a few items, one summary for a
 * bulk comment. Runs in the triage change's transaction; returns the ids of the users notified.
 */
export async function notifyMentioned(tx: Tx, actor: { name: string; userId: number | null }, itemIds: number[], body: string): Promise<number[]> {
  const handles = extractMentions(body);
  if (handles.length === 0 || itemIds.length === 0) return [];
  const users = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM (${HANDLES_SQL}) h
    WHERE (h.email = ANY(${handles}::text[]) OR (h.shared = 1 AND h.local = ANY(${handles}::text[])))
      AND h.id IS DISTINCT FROM ${actor.userId}::int`;
  const ids = users.map((u) => u.id);
  if (ids.length === 0) return [];
  if (itemIds.length > 3) {
    await tx.notification.createMany({ data: ids.map((userId) => ({ userId, kind: 'mention', message: `${actor.name} mentioned you in a comment on ${itemIds.length} triage items` })) });
    return ids;
  }
  await tx.$executeRaw`INSERT INTO notifications (user_id, kind, item_id, message)
    SELECT u, 'mention', t.id, ${actor.name} || ' mentioned you: ' || e.name
    FROM unnest(${ids}::int[]) u CROSS JOIN triage_items t JOIN entries e ON e.id = t.entry_id
    WHERE t.id = ANY(${itemIds}::int[])`;
  return ids;
}
