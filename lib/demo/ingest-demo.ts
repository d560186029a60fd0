import { zipSync } from 'fflate';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { fleetFiles, type FleetFile } from './files';
import { DEMO_DEFAULTS } from './defaults';
import { generateFleet, hostLabels, type FleetOptions } from './fleet';

export interface DemoIngestSummary {
  hosts: number;
  days: number;
  uploads: number;
  snapshots: number;
}

/**
 * Generate the demo fleet and ingest it through the real upload path: one zip per host and day, as a collector
 * would send it, so every format goes through detection, archive routing and the snapshot writer.
 */
export async function ingestDemoFleet(options: Partial<FleetOptions>, onProgress?: (day: string, uploads: number) => void): Promise<DemoIngestSummary> {
  const fleet = generateFleet({ ...DEMO_DEFAULTS, ...options });
  let pending: FleetFile[] = [];
  let uploads = 0;
  let snapshots = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const first = pending[0];
    const zip = zipSync(Object.fromEntries(pending.map((f) => [`${first.host}/${f.path.split('/').slice(2).join('/')}`, new Uint8Array(f.bytes)])));
    const labels = hostLabels(fleet, first.host!);
    const r = await ingestBytes(zip, `demo-${first.day}-${first.host}.zip`, {
      host: first.host,
      collectedAt: new Date(first.collectedAt),
      labels: labels ? { role: labels.role, site: labels.site } : {},
      uploadedBy: 'demo',
    });
    uploads++;
    snapshots += r.snapshots.length;
    pending = [];
    if (uploads % 50 === 0) onProgress?.(first.day, uploads);
  };
  for (const file of fleetFiles(fleet)) {
    if (!file.host) continue;
    if (pending.length && (pending[0].host !== file.host || pending[0].day !== file.day)) await flush();
    pending.push(file);
  }
  await flush();
  return { hosts: fleet.hosts.length, days: fleet.days.length, uploads, snapshots };
}
