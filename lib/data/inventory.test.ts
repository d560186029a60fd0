import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { readSample } from '@/lib/testing/samples';
import { parseHostSearchParams } from '@/lib/validation/hosts';
import { parseInventorySearchParams } from '@/lib/validation/inventory';
import { listHosts } from './hosts';
import { listInventory } from './inventory';

const hostA = `inv-a-${Date.now()}`;
const hostB = `inv-b-${Date.now()}`;

beforeAll(async () => {
  await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host: hostA });
  await ingestBytes(readSample('autoruns/limgreg_autorun_export3_t.csv'), 'export3.csv', { host: hostB });
});
afterAll(disconnectDb);

describe('listInventory', () => {
  it('filters by host, pages on the server and reports the filtered total', async () => {
    const page1 = await listInventory(parseInventorySearchParams({ host: hostA, size: '25' }));
    expect(page1.rows).toHaveLength(25);
    expect(page1.total).toBeGreaterThan(100);
    const page2 = await listInventory(parseInventorySearchParams({ host: hostA, size: '25', page: '2' }));
    const ids1 = new Set(page1.rows.map((r) => r.id));
    expect(page2.rows.some((r) => ids1.has(r.id))).toBe(false);
  });

  it('sorts by prevalence both ways', async () => {
    const asc = await listInventory(parseInventorySearchParams({ sort: 'hostsNow.asc', size: '200' }));
    const hosts = asc.rows.map((r) => r.hostsNow);
    expect(hosts).toEqual([...hosts].sort((a, b) => a - b));
    const desc = await listInventory(parseInventorySearchParams({ sort: 'hostsNow.desc', size: '25' }));
    expect(desc.rows[0].hostsNow).toBeGreaterThanOrEqual(2);
  });

  it('searches commands and image paths, treating % and _ literally', async () => {
    const evil = await listInventory(parseInventorySearchParams({ q: 'evil.exe' }));
    expect(evil.rows.length).toBeGreaterThan(0);
    expect(evil.rows.every((r) => /evil\.exe/i.test(r.command) || /evil/i.test(r.name))).toBe(true);
    const literal = await listInventory(parseInventorySearchParams({ q: '%%%' }));
    expect(literal.total).toBe(0);
  });

  it('finds an entry by the hash of one of its variants, in the rows, the total and the facets', async () => {
    const [variant] = await db().$queryRaw<{ hash: string; entry_id: number }[]>`
      SELECT COALESCE(v.sha256, v.sha1, v.md5) AS hash, v.entry_id FROM variants v JOIN presences p ON p.variant_id = v.id
      JOIN hosts h ON h.id = p.host_id WHERE h.key = ${hostB} AND COALESCE(v.sha256, v.sha1, v.md5) IS NOT NULL ORDER BY v.id LIMIT 1`;
    const found = await listInventory(parseInventorySearchParams({ q: variant!.hash.toUpperCase() }));
    expect(found.rows.map((r) => r.id)).toContain(variant!.entry_id);
    expect(found.total).toBe(found.rows.length);
    expect(found.facets.family.reduce((n, f) => n + f.count, 0)).toBe(found.total);
  });

  it('filters by family and counts facets without that filter', async () => {
    const tasks = await listInventory(parseInventorySearchParams({ family: 'windows_task', host: hostB }));
    expect(tasks.rows.every((r) => r.family === 'windows_task')).toBe(true);
    const families = tasks.facets.family.map((f) => f.value);
    expect(families).toContain('windows_autorun');
  });
});

describe('listHosts', () => {
  it('lists hosts with sources and current entry counts', async () => {
    const page = await listHosts(parseHostSearchParams({ q: hostA }));
    expect(page.total).toBe(1);
    expect(page.rows[0].sources).toEqual(['autoruns']);
    expect(page.rows[0].entries).toBeGreaterThan(100);
    expect(page.rows[0].snapshots).toBe(1);
  });

  it('sorts by entry count', async () => {
    const page = await listHosts(parseHostSearchParams({ sort: 'entries.desc' }));
    const counts = page.rows.map((r) => r.entries);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
