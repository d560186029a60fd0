import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { readTokens, statePath, type E2ERole } from './auth';

// Shared by the triage specs: Autoruns uploads through the ingest API, and pages signed in as a role.

const HEADER = 'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String';
const LOCATION = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';

export interface RunEntry {
  name: string;
  signer: string;
}

function autoruns(entries: RunEntry[]): Buffer {
  const rows = entries.map((e) => {
    const image = `c:\\tools\\${e.name}.exe`;
    return ['20240101-000000', LOCATION, e.name, 'enabled', 'Logon', 'System-wide', 'triage e2e', e.signer, 'Tri Corp', image, '1.0', `"${image}" /run`]
      .map((v) => `"${v.replace(/"/g, '""')}"`)
      .join(',');
  });
  return Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n');
}

export async function uploadRunEntries(request: APIRequestContext, host: string, entries: RunEntry[], collectedAt: Date): Promise<void> {
  const res = await request.post('/api/v1/uploads', {
    headers: { authorization: `Bearer ${readTokens().ingest}` },
    multipart: { file: { name: 'export.csv', mimeType: 'text/csv', buffer: autoruns(entries) }, host, collectedAt: collectedAt.toISOString() },
  });
  expect(res.status()).toBe(201);
}

/** The entry id of an uploaded Run key, through the read API. */
export async function entryIdOf(request: APIRequestContext, name: string): Promise<number> {
  const res = await request.get(`/api/v1/entries?q=${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${readTokens().read}` } });
  const body = (await res.json()) as { items: { id: number; name: string }[] };
  const hit = body.items.find((i) => i.name.includes(name));
  expect(hit, `entry ${name}`).toBeTruthy();
  return hit!.id;
}

export async function pageAs(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: statePath(role) });
  return context.newPage();
}
