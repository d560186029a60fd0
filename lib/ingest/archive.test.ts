import { gzipSync } from 'node:zlib';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync, type Zippable } from 'fflate';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { ArchiveError, DEFAULT_LIMITS, unpackAll, unpackUpload, type ArchiveLimits, type UnpackItem } from './archive';
import { concatBytes } from './archive-limits';
import { bytesSource } from './archive-stream';

type TarSpec = { name: string; content?: string; type?: 'symlink' | 'link' | 'directory' | 'character-device'; linkname?: string };

async function makeTar(entries: TarSpec[]): Promise<Uint8Array> {
  const pack = tar.pack();
  for (const e of entries) {
    if (e.content !== undefined) pack.entry({ name: e.name }, e.content);
    else pack.entry({ name: e.name, type: e.type, linkname: e.linkname });
  }
  pack.finalize();
  const chunks: Uint8Array[] = [];
  for await (const chunk of pack) chunks.push(chunk as Uint8Array);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Feed in small odd-sized chunks so header/signature boundaries fall mid-chunk. */
async function* chunked(bytes: Uint8Array, size = 1000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

async function unpack(bytes: Uint8Array, name = 'upload.bin', limits?: Partial<ArchiveLimits>, chunk?: number) {
  const { files, warnings } = await unpackAll(chunked(bytes, chunk), name, limits);
  return { files: Object.fromEntries(files.map((f) => [f.path, text(f.bytes)])), warnings };
}

/** Drain the generator, counting yielded file bytes, and return the error it threw. */
async function drainUntilError(bytes: Uint8Array, limits: Partial<ArchiveLimits>, name = 'x') {
  let yielded = 0;
  try {
    for await (const item of unpackUpload(chunked(bytes, 64 * 1024), name, limits)) {
      if (item.kind === 'file') yielded += item.size;
    }
  } catch (e) {
    return { error: e as ArchiveError, yielded };
  }
  throw new Error('expected an ArchiveError');
}

const zipOf = (files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array => {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z, { level });
};

describe('unpackUpload: formats', () => {
  it('zip with one folder per host and nested folders', async () => {
    const zip = zipOf({ 'WS01/autoruns.csv': 'a1', 'WS02/autoruns.csv': 'a2', 'WS02/Tasks/Microsoft/Windows/x': '<Task/>', 'WS02/empty/': '' });
    const { files, warnings } = await unpack(zip, 'fleet.zip', undefined, 7);
    expect(files).toEqual({ 'WS01/autoruns.csv': 'a1', 'WS02/autoruns.csv': 'a2', 'WS02/Tasks/Microsoft/Windows/x': '<Task/>' });
    expect(warnings).toEqual([]);
  });

  it('detects by magic bytes, not by name; plain tar and tar.gz', async () => {
    const t = await makeTar([{ name: 'host1/etc/crontab', content: '* * * * * root x' }, { name: './host2/etc/crontab', content: 'y' }]);
    expect((await unpack(t, 'looks-like.zip')).files).toEqual({ 'host1/etc/crontab': '* * * * * root x', 'host2/etc/crontab': 'y' });
    const tgz = new Uint8Array(gzipSync(t));
    expect((await unpack(tgz, 'noext', undefined, 13)).files).toEqual({ 'host1/etc/crontab': '* * * * * root x', 'host2/etc/crontab': 'y' });
  });

  it('a gzipped single file yields its content under the name without .gz', async () => {
    const gz = new Uint8Array(gzipSync(Buffer.from('Time,Entry Location\n')));
    const { files } = await unpack(gz, 'WS01-Autorunsc.csv.gz');
    expect(files).toEqual({ 'WS01-Autorunsc.csv': 'Time,Entry Location\n' });
  });

  it('a plain file passes through as one file named after the upload', async () => {
    const { files } = await unpack(strToU8('HostName,TaskName\n'), 'schtasks.csv');
    expect(files).toEqual({ 'schtasks.csv': 'HostName,TaskName\n' });
  });

  it('accepts a web ReadableStream', async () => {
    const zip = zipOf({ 'a/b.txt': 'hi' });
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(zip), c.close()) });
    const { files } = await unpackAll(stream, 'x.zip');
    expect(files.map((f) => [f.path, f.size])).toEqual([['a/b.txt', 2]]);
  });

  it('zip with data descriptors (streaming zip, deflated and stored members)', async () => {
    const parts: Uint8Array[] = [];
    const z = new Zip((_err, data) => parts.push(data));
    const deflated = new ZipDeflate('WS01/autoruns.csv', { level: 6 });
    z.add(deflated);
    deflated.push(strToU8('x'.repeat(5000)), true);
    const stored = new ZipPassThrough('WS01/notes.txt');
    z.add(stored);
    stored.push(strToU8('stored body'), true);
    z.end();
    const zip = new Uint8Array(Buffer.concat(parts));
    expect(zip[6]! & 8).toBe(8);
    const { files } = await unpack(zip, 'dd.zip', undefined, 100);
    expect(files).toEqual({ 'WS01/autoruns.csv': 'x'.repeat(5000), 'WS01/notes.txt': 'stored body' });
  });
});

describe('unpackUpload: nesting', () => {
  it('unpacks zip in zip and tar.gz in zip, joining paths', async () => {
    const inner = zipOf({ 'WS03/autoruns.csv': 'a3' });
    const tgz = new Uint8Array(gzipSync(await makeTar([{ name: 'web1/etc/crontab', content: 'c' }])));
    const outer = zipOf({ 'batch/inner.zip': inner, 'linux.tar.gz': tgz, 'top.csv': 't' });
    const { files } = await unpack(outer, 'outer.zip');
    expect(files).toEqual({ 'batch/inner.zip/WS03/autoruns.csv': 'a3', 'linux.tar.gz/web1/etc/crontab': 'c', 'top.csv': 't' });
  });

  it('stops at maxDepth: the too-deep archive is kept as a file with a warning', async () => {
    const level3 = zipOf({ 'deep.txt': 'deep' });
    const level2 = zipOf({ 'l3.zip': level3 });
    const level1 = zipOf({ 'l2.zip': level2 });
    expect((await unpack(level1, 'l1.zip')).files).toEqual({ 'l2.zip/l3.zip/deep.txt': 'deep' });
    const { files, warnings } = await unpack(level1, 'l1.zip', { maxDepth: 2 });
    expect(Object.keys(files)).toEqual(['l2.zip/l3.zip']);
    expect(warnings[0]).toMatchObject({ path: 'l2.zip/l3.zip', message: expect.stringContaining('maxDepth = 2') });
  });

  it('a corrupt nested archive becomes a warning plus the raw file', async () => {
    const broken = zipOf({ 'a.txt': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }).slice(0, 37);
    const { files, warnings } = await unpack(zipOf({ 'bad.zip': broken, 'ok.txt': 'ok' }), 'x.zip');
    expect(files['ok.txt']).toBe('ok');
    expect(Object.keys(files)).toContain('bad.zip');
    expect(warnings.some((w) => w.path === 'bad.zip')).toBe(true);
  });
});

describe('unpackUpload: refused and skipped members', () => {
  it('refuses zip-slip and absolute paths, normalizes backslashes, skips macOS junk', async () => {
    const zip = zipOf({
      '../../etc/passwd': 'root:x',
      '/etc/shadow': 'root:!',
      'C:\\Windows\\win.ini': 'ini',
      'WS01\\autoruns.csv': 'ok',
      '__MACOSX/WS01/._autoruns.csv': 'junk',
      'WS01/.DS_Store': 'junk',
    });
    const { files, warnings } = await unpack(zip, 'evil.zip');
    expect(files).toEqual({ 'WS01/autoruns.csv': 'ok' });
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ['../../etc/passwd', 'member refused: path traversal (..)'],
      ['/etc/shadow', 'member refused: absolute path'],
      ['C:\\Windows\\win.ini', 'member refused: absolute path (drive letter)'],
    ]);
  });

  it('skips tar symlinks, hardlinks and devices with warnings', async () => {
    const t = await makeTar([
      { name: 'h1/etc/', type: 'directory' },
      { name: 'h1/etc/crontab', content: 'real' },
      { name: 'h1/etc/evil', type: 'symlink', linkname: '/etc/shadow' },
      { name: 'h1/etc/hard', type: 'link', linkname: 'h1/etc/crontab' },
      { name: 'h1/dev/tty', type: 'character-device' },
      { name: '/abs/file', content: 'no' },
      { name: 'h1/../../up', content: 'no' },
    ]);
    const { files, warnings } = await unpack(new Uint8Array(gzipSync(t)), 'h.tgz');
    expect(files).toEqual({ 'h1/etc/crontab': 'real' });
    expect(warnings.map((w) => w.path)).toEqual(['h1/etc/evil', 'h1/etc/hard', 'h1/dev/tty', '/abs/file', 'h1/../../up']);
    expect(warnings[0]!.message).toContain('symlink');
    expect(warnings[1]!.message).toContain('hardlink');
  });
});

describe('unpackUpload: limits', () => {
  const zeros = new Uint8Array(50 * 1024 * 1024);

  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxEntries: 100_000, maxTotalBytes: 2 * 1024 ** 3, maxFileBytes: 256 * 1024 ** 2, maxRatio: 200, maxDepth: 3 });
  });

  it('zip bomb by ratio throws while inflating, before yielding the member', async () => {
    const bomb = zipSync({ 'WS01/zeros.bin': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const { error, yielded } = await drainUntilError(bomb, {});
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.limit).toBe('maxRatio');
    expect(error.message).toContain('WS01/zeros.bin');
    expect(error.message).toContain('maxRatio = 200');
    expect(yielded).toBe(0);
  });

  it('maxFileBytes is enforced while inflating even when the ratio is allowed', async () => {
    const bomb = zipSync({ 'big.bin': zeros }, { level: 9 });
    const { error, yielded } = await drainUntilError(bomb, { maxRatio: 1e9, maxFileBytes: 1024 * 1024 });
    expect(error.limit).toBe('maxFileBytes');
    expect(error.message).toMatch(/"big.bin".*maxFileBytes = 1048576/);
    expect(yielded).toBe(0);
  });

  it('gzip bomb trips the overall ratio', async () => {
    const gz = new Uint8Array(gzipSync(zeros, { level: 9 }));
    const { error } = await drainUntilError(gz, {}, 'zeros.gz');
    expect(error.limit).toBe('maxRatio');
  });

  it('entry-count bomb: 200k tiny entries with maxEntries 1000', async () => {
    const files: Zippable = {};
    const one = strToU8('x');
    for (let i = 0; i < 200_000; i++) files[`f${i}`] = one;
    const zip = zipSync(files, { level: 0 });
    const { error, yielded } = await drainUntilError(zip, { maxEntries: 1000 });
    expect(error.limit).toBe('maxEntries');
    expect(error.message).toContain('maxEntries = 1000');
    expect(yielded).toBeLessThanOrEqual(1000);
  });

  it('maxTotalBytes across members and nested archives', async () => {
    const chunk = 'y'.repeat(400 * 1024);
    const zip = zipOf({ 'a.txt': chunk, 'b.txt': chunk, 'c.zip': zipOf({ 'd.txt': chunk }) });
    const { error, yielded } = await drainUntilError(zip, { maxTotalBytes: 1024 * 1024, maxRatio: 1e9 });
    expect(error.limit).toBe('maxTotalBytes');
    expect(yielded).toBeLessThanOrEqual(1024 * 1024);
  });

  it('maxFileBytes applies to tar members (declared size) and plain uploads', async () => {
    const t = await makeTar([{ name: 'big.txt', content: 'z'.repeat(5000) }]);
    expect((await drainUntilError(t, { maxFileBytes: 4096 })).error.limit).toBe('maxFileBytes');
    expect((await drainUntilError(new Uint8Array(5000), { maxFileBytes: 4096 }, 'plain.bin')).error.message).toContain('"plain.bin"');
  });

  it('small highly compressible files are not refused by the ratio (grace bytes)', async () => {
    const { files } = await unpack(zipOf({ 'spaces.txt': ' '.repeat(100_000) }), 's.zip');
    expect(files['spaces.txt']).toHaveLength(100_000);
  });
});

describe('unpackUpload: item order', () => {
  it('interleaves warnings with files in archive order', async () => {
    const t = await makeTar([{ name: 'a', content: '1' }, { name: 'l', type: 'symlink', linkname: 'a' }, { name: 'b', content: '2' }]);
    const kinds: string[] = [];
    for await (const item of unpackUpload(chunked(t), 't.tar') as AsyncGenerator<UnpackItem>) kinds.push(`${item.kind}:${item.path}`);
    expect(kinds).toEqual(['file:a', 'warning:l', 'file:b']);
  });
});

describe('concatBytes', () => {
  const whole = new TextEncoder().encode('0123456789abcdef');

  it('joins adjacent views of one buffer without copying, and anything else by copying', () => {
    const joined = concatBytes([whole.subarray(0, 5), whole.subarray(5, 9), whole.subarray(9)]);
    expect(joined.buffer).toBe(whole.buffer);
    expect(new TextDecoder().decode(joined)).toBe('0123456789abcdef');
    const gap = concatBytes([whole.subarray(0, 4), whole.subarray(5, 9)]);
    expect(gap.buffer).not.toBe(whole.buffer);
    expect(new TextDecoder().decode(gap)).toBe('01235678');
    const swapped = concatBytes([whole.subarray(8), whole.subarray(0, 8)]);
    expect(new TextDecoder().decode(swapped)).toBe('89abcdef01234567');
    expect(concatBytes([]).length).toBe(0);
  });

  it('an in-memory plain upload comes out as a view of the bytes given', async () => {
    const { files } = await unpackAll(bytesSource(whole), 'x.csv');
    expect(files[0]!.bytes.buffer).toBe(whole.buffer);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('0123456789abcdef');
  });
});
