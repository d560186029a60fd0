import { createHash } from 'node:crypto';
import { mulberry32 } from '@/lib/demo/prng';
import { identityOf, normalizeCommand, normalizeName } from '@/lib/ingest/normalize';
import type { JobFamily, JobRecord } from '@/lib/ingest/types';
import { variantFields, variantKey } from '@/lib/ingest/variant-key';

/**
 * Generated names and command lines built from the pieces every normalization rule reacts to (and the whitespace,
 * quotes, token starts and odd characters around them), with their normalized forms, entry keys and variant keys.
 * The frozen digests in lib/ingest/fixtures/normalize-corpus.json were computed by the code before the speed work (8587c0b);
 * see frozen-outputs.test.ts.
 */
const PIECES = [
  'C:\\Users\\', 'C:\\Documents and Settings\\', 'alice', 'Bob', '*', 'Public', '\\', '/', '"', "'", ' ', '  ', '\t', '\r\n', '\v', '\f',
  '%TEMP%', '%SystemRoot%', '%windir%', '%ProgramFiles(x86)%', '%Unknown%', '%', '\\??\\', '\\\\?\\', '\\SystemRoot\\', 'System32\\',
  'system32\\', 'C:\\Windows\\', 'sysnative', '\\Sysnative\\', '=', ',', ';', '(', 'S-1-5-21-1-2-3-1001', 's-1-12-1-5-6-7-8', 'S-1-5-18',
  '{DECC0DA2-1111-2222-3333-444455556666}', '0f1e2d3c-1111-2222-3333-444455556666', 'clsid\\', ':::', 'com:', 'tmp1A.tmp', '~DF12AB.tmp',
  '\\Temp\\', '\\tmp\\', '/tmp/', '/var/tmp/', 'tmp.AbCdEf12', 'DEADBEEF12', 'v1.2.3', '_2.0', '1.0', 'rundll32 ', 'RUNDLL32.EXE ',
  'shell32', 'x.dll', ',Entry', '.exe', '.EXE ', '.cmd', '.ps1 ', 'Program Files', 'HKCR\\CLSID\\', 'COM handler', 'com:{x}', '/x', '-k',
  '/home/', '/Users/', 'Shared', 'é', 'і', '\u2000', '\u00a0', '\ud800', '\udc00', '😀', 'x',
];
const FAMILIES: JobFamily[] = ['windows_task', 'windows_autorun', 'cron', 'systemd_timer', 'launchd', 'at'];
export const CORPUS_SIZE = 12_000;
const CHUNK = 1_000;

function composed(rng: () => number): string {
  const n = Math.floor(rng() * 13);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rng() * PIECES.length)];
  return s;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Digest of the generated inputs, then one digest per chunk of outputs (a mismatch says where to look). */
export function normalizeCorpusDigests(): { inputs: string; chunks: string[] } {
  const rng = mulberry32(20261123);
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (let i = 0; i < CORPUS_SIZE; i++) {
    const family = FAMILIES[Math.floor(rng() * FAMILIES.length)];
    const name = composed(rng);
    const command = rng() < 0.1 ? ' ' : composed(rng);
    const imagePath = rng() < 0.5 ? null : composed(rng);
    const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)];
    const rec = {
      family, name, command, imagePath,
      enabled: pick([true, false, null, undefined]), runAs: pick([null, undefined, composed(rng)]), signer: pick([null, composed(rng)]),
      verified: pick([true, false, null]), md5: pick([null, 'A1B2']), description: pick([null, undefined, composed(rng)]),
      company: pick([null, composed(rng)]), fileNotFound: pick([true, false, undefined]), schedule: pick([undefined, '*/5 * * * *']),
      triggers: pick([undefined, [], [{ type: 'daily', at: composed(rng) }]]),
    } as unknown as JobRecord;
    inputs.push(JSON.stringify(rec));
    const id = identityOf(rec);
    const win = normalizeCommand(command, 'windows');
    const unix = normalizeCommand(command, 'unix');
    outputs.push(
      [normalizeName(family, name), win.normCommand, win.executable, win.args, unix.normCommand, unix.executable, id.key, variantKey(id.key, variantFields(rec))].join('\u0001'),
    );
  }
  const chunks: string[] = [];
  for (let i = 0; i < outputs.length; i += CHUNK) chunks.push(sha(outputs.slice(i, i + CHUNK).join('\n')));
  return { inputs: sha(inputs.join('\n')), chunks };
}
