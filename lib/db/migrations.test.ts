import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from './migrations';

const url = process.env.DATABASE_URL!;
// The diff replays prisma/migrations in a shadow database, which needs CREATE DATABASE (a PostgreSQL server).
const hasServer = !url.includes('sslmode=disable');

describe('migrations', () => {
  it.skipIf(!hasServer)('prisma/migrations produce exactly schema.prisma (no drift)', async () => {
    const sql = await diffMigrationsToSchema(url);
    expect(sql === '' || sql.startsWith('-- This is an empty migration')).toBe(true);
  }, 60_000);
});
