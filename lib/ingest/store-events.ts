import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { HostEventRecord } from './types';

/** Insert imported task events set-based; the same event imported twice is kept once (unique key). */
export async function storeEvents(tx: Prisma.TransactionClient, hostId: number, uploadId: number, events: HostEventRecord[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => {
    const raw = JSON.stringify(e.raw);
    const key = createHash('sha256').update(`${hostId}\0${e.at}\0${e.eventId}\0${e.taskName ?? ''}\0${raw}`).digest('hex');
    return { key, at: new Date(e.at), e, raw };
  });
  return tx.$executeRaw`
    INSERT INTO host_events (host_id, key, at, event_id, channel, task_name, "user", message, raw, upload_id)
    SELECT ${hostId}, k, at, id, ch, tn, u, m, r, ${uploadId}
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.at)}::timestamptz[], ${rows.map((r) => r.e.eventId)}::int[],
                ${rows.map((r) => r.e.channel ?? null)}::text[], ${rows.map((r) => r.e.taskName ?? null)}::text[],
                ${rows.map((r) => r.e.user ?? null)}::text[], ${rows.map((r) => r.e.message ?? null)}::text[],
                ${rows.map((r) => r.raw)}::jsonb[]) AS t(k, at, id, ch, tn, u, m, r)
    ON CONFLICT (key) DO NOTHING`;
}
