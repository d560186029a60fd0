import type { Principal } from '@/lib/auth/principal';
import type { Role } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** A user of `role` with a unique e-mail, as the principal a signed-in session would give. */
export async function createTestUser(email: string, role: Role): Promise<UserPrincipal> {
  const u = await db().user.create({ data: { email, role }, select: { id: true, email: true } });
  return { kind: 'user', userId: u.id, email: u.email, name: null, role, sessionId: null };
}

/**
 * One cron entry per command on `host`, collected in 2019 so the shared test database's latest collection (every
 * score's 'now') does not move; returns the entry ids in the order given.
 */
export async function ingestCronEntries(host: string, commands: string[]): Promise<number[]> {
  const crontab = commands.map((c) => `0 1 * * * root ${c}\n`).join('');
  await ingestBytes(new TextEncoder().encode(crontab), 'etc/crontab', { host, collectedAt: new Date(Date.UTC(2019, 5, 1, 6)) });
  const rows = await db().entry.findMany({ where: { command: { in: commands } }, select: { id: true, command: true } });
  return commands.map((c) => rows.find((r) => r.command === c)!.id);
}
