import { expect, request as playwrightRequest, test } from '@playwright/test';
import { readTokens } from './support/auth';

// The read API with a `read` token, on the demo fleet the server was started with.
test('outliers, entries, hosts and a host diff through the API', async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${readTokens().read}` } });

  const outliers = await (await api.get('/api/v1/outliers?limit=5')).json();
  expect(outliers.items).toHaveLength(5);
  expect(outliers.items[0].name).toContain('UpdateOrchestrator');
  expect(outliers.items[0].reasons.map((r: { text: string }) => r.text).join(' ')).toMatch(/on 1 of \d+ hosts/);
  expect(outliers.nextCursor).toBe('2');
  const second = await (await api.get(`/api/v1/outliers?limit=5&cursor=${outliers.nextCursor}`)).json();
  expect(second.items[0].entryId).not.toBe(outliers.items[0].entryId);

  const entry = await (await api.get(`/api/v1/entries/${outliers.items[0].entryId}`)).json();
  expect(entry.entry.name).toContain('UpdateOrchestrator');
  expect(entry.hostCount).toBe(1);
  const hostName: string = entry.hosts[0].host;

  const hosts = await (await api.get(`/api/v1/hosts?q=${encodeURIComponent(hostName)}`)).json();
  expect(hosts.total).toBeGreaterThanOrEqual(1);

  // Each item names its first hosts and its triage; label and state filter like the page's filters.
  expect(outliers.items[0].hosts).toEqual([hostName]);
  expect(outliers.items[0].triage).toEqual({ state: expect.any(String), assignee: null });
  const role: string = hosts.items.find((h: { name: string }) => h.name === hostName).labels.role;
  const byLabel = await (await api.get(`/api/v1/outliers?limit=200&label=${encodeURIComponent(`role=${role}`)}`)).json();
  expect(byLabel.items.map((i: { entryId: number }) => i.entryId)).toContain(outliers.items[0].entryId);
  expect(byLabel.total).toBeLessThan(outliers.total);
  expect((await (await api.get('/api/v1/outliers?label=role%3Dno-such-role')).json()).total).toBe(0);
  const closed = await (await api.get('/api/v1/outliers?limit=200&state=closed')).json();
  expect(closed.items.every((i: { triage: { state: string } }) => i.triage.state === 'closed')).toBe(true);

  const inventory = await (await api.get('/api/v1/entries?q=UpdateOrchestrator&size=25')).json();
  expect(inventory.items.length).toBeGreaterThan(0);

  const missing = await api.get('/api/v1/hosts/999999/diff?from=1&to=2');
  expect(missing.status()).toBe(404);
  const bad = await api.get('/api/v1/hosts/1/diff?from=x');
  expect(bad.status()).toBe(400);
});
