import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fleetFiles, generateFleet } from '@/lib/demo';
import { detectParser } from '@/lib/ingest/detect';
import { identityOf } from '@/lib/ingest/normalize';
import type { ParseResult } from '@/lib/ingest/types';
import { variantFields, variantKey } from '@/lib/ingest/variant-key';
import { readSample, SAMPLES_DIR } from './samples';

/**
 * What the ingest stores for an input, reduced to digests plus a few spelled-out keys: the parse result (every
 * record field, `raw`, warnings, line numbers), each record's entry identity and variant key. The frozen copy in
 * lib/ingest/fixtures/ingest-outputs.json was computed by this code before the parse/normalize speed work; keys
 * already sit in databases, so a change here must be deliberate (regenerate with the command in its test).
 */
export interface InputOutputs {
  input: string;
  bytesSha256: string;
  records: number;
  parseSha256: string;
  identitySha256: string;
  variantSha256: string;
  examples: { name: string; key: string; normName: string; normCommand: string; executable: string; variantKey: string }[];
}

/** 64 bits of sha256: enough to notice any change, and keeps the fixture small. */
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** JSON.stringify would drop `undefined` properties; a field that appears or vanishes must count as a change. */
const serialize = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '\u0000undefined' : x));

export function outputsOf(input: string, bytes: Uint8Array, fileName: string, examples = 3): InputOutputs | null {
  let result: ParseResult;
  try {
    result = detectParser(bytes, { fileName }).parse(bytes, { fileName });
  } catch {
    return null;
  }
  const ids = result.records.map((r) => identityOf(r));
  const vkeys = result.records.map((r, i) => variantKey(ids[i].key, variantFields(r)));
  // Spread over the file: the first rows are often the same stock entries everywhere.
  const step = Math.max(1, Math.floor(result.records.length / examples));
  const picked = result.records.map((_, i) => i).filter((i) => i % step === 0).slice(0, examples);
  return {
    input,
    bytesSha256: sha(bytes),
    records: result.records.length,
    parseSha256: sha(serialize(result)),
    identitySha256: sha(serialize(ids)),
    variantSha256: sha(vkeys.join('\n')),
    examples: picked.map((i) => ({ name: result.records[i].name, ...pick(ids[i]), variantKey: vkeys[i] })),
  };
}

const pick = ({ key, normName, normCommand, executable }: ReturnType<typeof identityOf>) => ({ key, normName, normCommand, executable });

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

/** Every real sample any parser reads (examples for Autoruns only), then a small demo fleet in every format. */
export function ingestOutputs(): InputOutputs[] {
  const out: InputOutputs[] = [];
  for (const file of listFiles(SAMPLES_DIR)) {
    const rel = path.relative(SAMPLES_DIR, file).split(path.sep).join('/');
    const o = outputsOf(`samples/${rel}`, readSample(rel), path.basename(rel), rel.startsWith('autoruns/') ? 3 : 0);
    if (o) out.push(o);
  }
  const fleet = generateFleet({ hosts: 6, days: 2, seed: 8, churn: 0.3 });
  for (const f of fleetFiles(fleet)) {
    if (!f.host || f.unchanged) continue;
    const o = outputsOf(`demo/${f.path}`, f.bytes, path.basename(f.path), f.format === 'autoruns' ? 1 : 0);
    if (o) out.push(o);
  }
  return out;
}
