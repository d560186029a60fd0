import * as B from './hostile-bytes';
import type { HostileCase } from './hostile-corpus';

const GOOD_CRON = '0 3 * * * root /usr/local/bin/backup.sh\n';
const MIB = 1024 * 1024;

/** A zip whose named member claims compression method 14 (LZMA), which the reader does not implement. */
function zipWithUnsupportedMethod(): Uint8Array {
  const bytes = B.zip({ 'h1/crontab': GOOD_CRON, 'h1/weird.bin': 'lzma payload' }, 0);
  const view = Buffer.from(bytes);
  const name = Buffer.from('h1/weird.bin');
  for (const [signature, methodAt, nameAt] of [[0x04034b50, 8, 30], [0x02014b50, 10, 46]] as const) {
    for (let i = 0; i + nameAt + name.length <= view.length; i++) {
      if (view.readUInt32LE(i) === signature && view.subarray(i + nameAt, i + nameAt + name.length).equals(name)) view.writeUInt16LE(14, i + methodAt);
    }
  }
  return new Uint8Array(view);
}

/** `depth` archives inside each other, a crontab at the bottom. */
function nested(depth: number): Uint8Array {
  let inner: Uint8Array = B.utf8(GOOD_CRON);
  let name = 'deep-host/etc/crontab';
  for (let i = 0; i < depth; i++) {
    inner = i % 2 ? B.gzip(B.tar([{ name, content: inner }])) : B.zip({ [name]: inner });
    name = `level${i}.${i % 2 ? 'tar.gz' : 'zip'}`;
  }
  return inner;
}

function manyEntries(n: number): Uint8Array {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`e/${i}`] = '';
  return B.zip(files, 0);
}

export function tenThousandHosts(): Uint8Array {
  const members: B.TarMember[] = [];
  for (let i = 0; i < 10_000; i++) members.push({ name: `fleet-${i}/etc/crontab`, content: `${i % 60} 3 * * * root /usr/local/bin/job-${i % 7}\n` });
  return B.tar(members);
}

export const ARCHIVE_CASES: HostileCase[] = [
  { id: 'truncated-zip', fileName: 'fleet.zip', outcome: 'reject', message: /zip|archive|truncated|end/i, bytes: () => B.half(B.zip({ 'h1/crontab': GOOD_CRON.repeat(50), 'h2/crontab': GOOD_CRON.repeat(50) }, 0)), api: true },
  { id: 'truncated-tar-gz', fileName: 'fleet.tar.gz', outcome: 'reject', message: /gzip|tar|archive|truncated|end/i, bytes: () => B.half(B.gzip(B.tar([{ name: 'h1/crontab', content: B.junk(20_000, 3) }]))) },
  { id: 'truncated-gz', fileName: 'crontab.gz', host: '*', outcome: 'reject', message: /gzip|truncated|end|archive/i, bytes: () => B.half(B.gzip(B.utf8(GOOD_CRON.repeat(500)))) },
  { id: 'garbage-after-zip-magic', fileName: 'x.zip', outcome: 'reject', message: /unreadable zip .*no member found/, bytes: () => B.concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), B.junk(5000, 9)) },
  { id: 'nested-depth-3-ok', fileName: 'outer.zip', outcome: 'accept', bytes: () => nested(3) },
  { id: 'nested-depth-6', fileName: 'outer.zip', outcome: 'reject', message: /nothing in the upload could be ingested .*deeper than maxDepth = 3/, bytes: () => nested(6), api: true },
  { id: 'zip-bomb-ratio', fileName: 'bomb.zip', outcome: 'reject', message: /ratio|bomb/i, bytes: () => B.zip({ 'h1/crontab': new Uint8Array(16 * MIB).fill(0x20) }, 9), api: true },
  { id: 'gzip-bomb-ratio', fileName: 'bomb.gz', host: '*', outcome: 'reject', message: /ratio|expands/i, bytes: () => B.gzip(new Uint8Array(16 * MIB)) },
  { id: 'nested-zip-bomb', fileName: 'bomb2.zip', outcome: 'reject', message: /ratio|bomb|expands/i, bytes: () => B.zip({ 'a.zip': B.zip({ 'b.zip': B.zip({ 'h/crontab': new Uint8Array(16 * MIB).fill(0x20) }, 9) }, 9) }, 9) },
  { id: 'zip-bomb-count', fileName: 'many.zip', outcome: 'reject', message: /too many|maxEntries/i, bytes: () => manyEntries(100_001), heavy: true },
  { id: 'zip-slip', fileName: 'slip.zip', outcome: 'accept', message: /traversal/, bytes: () => B.zip({ '../../etc/cron.d/evil': GOOD_CRON, 'slip-host/etc/crontab': GOOD_CRON }), api: true },
  { id: 'zip-slip-backslashes', fileName: 'slip2.zip', outcome: 'accept', message: /traversal/, bytes: () => B.zip({ '..\\..\\Windows\\Tasks\\evil': GOOD_CRON, 'slip2-host/etc/crontab': GOOD_CRON }) },
  { id: 'zip-drive-letter-path', fileName: 'drive.zip', outcome: 'accept', message: /absolute/, bytes: () => B.zip({ 'C:\\Windows\\System32\\Tasks\\evil': B.taskXml(), 'drive-host/etc/crontab': GOOD_CRON }) },
  { id: 'tar-absolute-path', fileName: 'abs.tar', outcome: 'accept', message: /absolute/, bytes: () => B.tar([{ name: '/etc/crontab', content: GOOD_CRON }, { name: 'abs-host/etc/crontab', content: GOOD_CRON }]) },
  { id: 'tar-only-traversal', fileName: 'only-slip.tar', outcome: 'reject', message: /no files/, bytes: () => B.tar([{ name: '../../root/.ssh/authorized_keys', content: 'ssh-rsa AAAA' }]) },
  { id: 'tar-symlink', fileName: 'link.tar', outcome: 'accept', message: /link/i, bytes: () => B.tar([{ name: 'link-host/etc/crontab', type: '2', linkname: '/etc/shadow' }, { name: 'link-host/etc/cron.d/job', content: GOOD_CRON }]), api: true },
  { id: 'tar-hardlink', fileName: 'hard.tar', outcome: 'accept', message: /link/i, bytes: () => B.tar([{ name: 'hard-host/etc/crontab', content: GOOD_CRON }, { name: 'hard-host/etc/cron.d/x', type: '1', linkname: '/etc/shadow' }]) },
  { id: 'tar-device', fileName: 'dev.tar', outcome: 'accept', message: /device|skipped|special/i, bytes: () => B.tar([{ name: 'dev-host/dev/zero', type: '3' }, { name: 'dev-host/etc/crontab', content: GOOD_CRON }]) },
  { id: 'tar-only-symlink', fileName: 'onlylink.tar', outcome: 'reject', message: /no files/, bytes: () => B.tar([{ name: 'h/etc/crontab', type: '2', linkname: '/etc/shadow' }]) },
  { id: 'tar-duplicate-member', fileName: 'dup.tar', outcome: 'accept', bytes: () => B.tar([{ name: 'dup-host/etc/crontab', content: GOOD_CRON }, { name: 'dup-host/etc/crontab', content: '0 4 * * * root /bin/other\n' }]) },
  { id: 'zip-unsupported-method', fileName: 'lzma.zip', outcome: 'accept', message: /method|compress|unsupported/i, bytes: zipWithUnsupportedMethod },
  { id: 'archive-good-and-unreadable', fileName: 'mixed.zip', outcome: 'accept', message: /could not be read/, bytes: () => B.zip({ 'mix-host/etc/crontab': GOOD_CRON, 'mix-host/junk.csv': B.junk(3000, 5), 'mix-host/empty.csv': '' }), api: true },
  { id: 'archive-hostile-folder-names', fileName: 'names.zip', outcome: 'accept', bytes: () => B.zip({ '<script>alert(1)<%2Fscript>/etc/crontab': GOOD_CRON, "=cmd|' %2FC calc'!A0/etc/crontab": GOOD_CRON }) },
  { id: 'ten-thousand-hosts', fileName: 'fleet.tar', outcome: 'accept', bytes: tenThousandHosts, heavy: true, slow: true },
];
