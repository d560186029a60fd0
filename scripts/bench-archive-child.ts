// Child process of `tasklens bench` (d): ingest one archive from disk and print time and peak RSS as JSON.
import { readFileSync } from 'node:fs';
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
// VmHWM: the peak RSS of this process since it started. getrusage's maxRSS also counts the parent's memory at the
// fork that started it (Linux keeps the high-water mark across exec): 603 MB for a child that peaked at 39 MB
// under a 600 MB parent, and the bench's parent holds the whole (a)-(c) fleet.
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
console.log(JSON.stringify({ ms, maxRssKb: hwmKb || process.resourceUsage().maxRSS, snapshots: result.snapshots.length }));
