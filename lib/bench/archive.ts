import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { benchFiles } from './fleet';

/**
 * Write a tar.gz of one-day Autoruns exports, `<host>/autorunsc.csv`, until the uncompressed members reach
 * `targetBytes`. Streams to disk so the benchmark's own memory does not depend on the archive size.
 */
export async function buildArchive(file: string, targetBytes: number): Promise<{ members: number; bytes: number; size: number }> {
  // ~313 KB per export; ask the generator for enough hosts and stop at the target.
  const hosts = Math.ceil(targetBytes / 300_000) + 1;
  const pack = tar.pack();
  const writing = pipeline(pack, createGzip({ level: 1 }), createWriteStream(file));
  let members = 0;
  let bytes = 0;
  for (const f of benchFiles({ hosts, days: 1, seed: 7 })) {
    if (bytes >= targetBytes) break;
    await new Promise<void>((resolve, reject) => pack.entry({ name: `${f.host}/autorunsc.csv` }, f.bytes, (err) => (err ? reject(err) : resolve())));
    members++;
    bytes += f.bytes.length;
  }
  pack.finalize();
  await writing;
  return { members, bytes, size: (await stat(file)).size };
}

export interface ArchiveRun {
  ms: number;
  peakRssMb: number;
  sampledPeakRssMb: number;
  snapshots: number;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Ingest the archive in a child process (the real path: spooled file → processUpload) and report its peak RSS,
 * both as the kernel's high-water mark (VmHWM, printed by the child) and as sampled from /proc.
 */
export async function ingestArchiveInChild(file: string, databaseUrl: string): Promise<ArchiveRun> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/bench-archive-child.ts'), file], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  let sampled = 0;
  const timer = setInterval(() => void rssMb(child.pid!).then((mb) => (sampled = Math.max(sampled, mb))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`archive ingest child exited with ${code}`);
  const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssKb: number; snapshots: number };
  return { ms: r.ms, peakRssMb: r.maxRssKb / 1024, sampledPeakRssMb: sampled, snapshots: r.snapshots };
}
