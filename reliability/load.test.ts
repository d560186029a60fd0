import { expect, it } from 'vitest';
import { formatReport, loadTestNewServer } from './support/load';

// The CI variant of `npm run loadtest` (60 s): the same clients and assertions for 15 s.
it('20 uploaders and 200 readers: no 5xx, every acknowledged upload stored exactly once', async (ctx) => {
  const report = await loadTestNewServer({ seconds: 15, uploaders: 20, readers: 200, seedHosts: 5 });
  if (!report) return ctx.skip('no PostgreSQL answers on the test server');
  console.log(formatReport(report));
  expect(report.serverErrors).toEqual([]);
  expect(report.networkErrors).toEqual([]);
  expect(report.acknowledged).toBeGreaterThanOrEqual(20);
  expect(report.queuedUploads.count).toBeGreaterThan(0);
  expect(report.reads.count).toBeGreaterThan(200);
  expect(report.missing).toEqual([]);
});
