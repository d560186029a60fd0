import 'server-only';
import { db } from '@/lib/db/client';

export interface FleetSummary {
  hosts: number;
  entries: number;
  snapshots: number;
  uploads: number;
  newEntriesLast7Days: number;
}

export async function getFleetSummary(): Promise<FleetSummary> {
  const [row] = await db().$queryRaw<FleetSummary[]>`
    SELECT (SELECT count(*)::int FROM hosts) AS hosts,
           (SELECT count(*)::int FROM entries) AS entries,
           (SELECT count(*)::int FROM snapshots) AS snapshots,
           (SELECT count(*)::int FROM uploads) AS uploads,
           (SELECT count(*)::int FROM entries WHERE first_seen_at > now() - interval '7 days') AS "newEntriesLast7Days"`;
  return row;
}
