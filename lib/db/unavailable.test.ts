import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { db, disconnectDb } from './client';
import { isDatabaseUnavailable } from './unavailable';

afterAll(() => disconnectDb());

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function errorOf(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

it('recognises an unreachable server through pg and through Prisma with its adapter', async () => {
  const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/none`;
  expect(isDatabaseUnavailable(await errorOf(() => new pg.Client(url).connect()))).toBe(true);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    expect(isDatabaseUnavailable(await errorOf(() => prisma.$queryRaw`SELECT 1`))).toBe(true);
  } finally {
    await prisma.$disconnect();
  }
});

it('does not take a bad query or a constraint violation for an outage', async () => {
  expect(isDatabaseUnavailable(await errorOf(() => db().$queryRawUnsafe('SELEC 1')))).toBe(false);
  expect(isDatabaseUnavailable(await errorOf(() => db().$queryRawUnsafe('SELECT 1/0')))).toBe(false);
  expect(isDatabaseUnavailable(new Error('internal error'))).toBe(false);
});
