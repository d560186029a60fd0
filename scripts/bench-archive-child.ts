// Child process of `tasklens bench` (d): ingest one archive from disk and print time and peak RSS as JSON.
import path from 'node:path';
import { refreshDirtyEntryStats } from '@/lib/analytics/entry-stats';
import { db, disconnectDb } from '@/lib/db/client';
import { boundHeapGrowth } from '@/lib/ingest/heap-growth';
import { createUpload, processUpload } from '@/lib/ingest/run-upload';

const file = process.argv[2]!;
// As the queue workers do.
boundHeapGrowth();
const t0 = performance.now();
const uploadId = await createUpload({ fileName: path.basename(file), sha256: 'bench', size: 0, uploadedBy: 'bench' });
const result = await processUpload(uploadId, [{ fileName: path.basename(file), path: file }], { deferStats: true });
await refreshDirtyEntryStats(db());
const ms = performance.now() - t0;
await disconnectDb();
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, snapshots: result.snapshots.length }));
