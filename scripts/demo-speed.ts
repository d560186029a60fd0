/**
 * Generation speed of the demo fleet, in memory (no disk): `npx tsx scripts/demo-speed.ts [hosts] [days] [formats]`.
 * Not a test: it times things. The benchmark fleets are 1,000 × 1 and 10,000 × 30 autoruns-only.
 */
import { fleetFiles, generateFleet, type DemoFormat } from '@/lib/demo';

const hosts = Number(process.argv[2] ?? 1000);
const days = Number(process.argv[3] ?? 1);
const formats = (process.argv[4] ?? 'autoruns').split(',') as DemoFormat[];
const t0 = performance.now();
const fleet = generateFleet({ hosts, days, seed: 1, formats });
const t1 = performance.now();
let files = 0;
let bytes = 0;
let unchanged = 0;
for (const f of fleetFiles(fleet)) {
  files++;
  bytes += f.bytes.length;
  if (f.unchanged) unchanged++;
}
const t2 = performance.now();
const s = (t2 - t1) / 1000;
console.log(
  `${hosts} hosts × ${days} days [${formats.join(',')}]: describe ${(t1 - t0).toFixed(0)} ms; ${files} files (${unchanged} unchanged), ` +
    `${(bytes / 1e6).toFixed(0)} MB in ${s.toFixed(1)} s = ${(files / s).toFixed(0)} files/s, ${(bytes / 1e6 / s).toFixed(0)} MB/s; ` +
    `rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
