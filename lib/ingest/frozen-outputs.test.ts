import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestOutputs, type InputOutputs } from '@/lib/testing/ingest-outputs';
import { normalizeCorpusDigests } from '@/lib/testing/normalize-corpus';

// Entry keys, variant keys and parsed records are stored in databases already in use: the same input must give
// byte-identical outputs after any speed work. The fixture was computed by the code before that work, from the
// real samples and a demo fleet. Regenerate only for a deliberate change of stored keys (a migration), with
//   npx tsx -e "import('@/lib/testing/ingest-outputs').then(m => require('fs').writeFileSync(
//     'lib/ingest/fixtures/ingest-outputs.json', JSON.stringify(m.ingestOutputs(), null, 1) + '\n'))"
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const frozen: InputOutputs[] = fixture('ingest-outputs.json');

describe('stored outputs do not change', () => {
  const now = new Map(ingestOutputs().map((o) => [o.input, o]));

  it('reads the same inputs (samples present, demo generator unchanged)', () => {
    expect([...now.keys()].sort()).toEqual(frozen.map((o) => o.input).sort());
    for (const f of frozen) expect(now.get(f.input)?.bytesSha256, `${f.input}: input bytes differ, not an output change`).toBe(f.bytesSha256);
  });

  it.each(frozen.map((f) => [f.input, f] as const))('%s', (_input, f) => {
    expect(now.get(f.input)).toEqual(f);
  });
});

// 12,000 generated names and commands made of the pieces the rules react to; digests from the code at 8587c0b.
describe('normalization of generated inputs does not change', () => {
  it('gives the frozen names, commands, executables, entry keys and variant keys', () => {
    const frozenCorpus = fixture('normalize-corpus.json');
    const now = normalizeCorpusDigests();
    expect(now.inputs, 'the generated inputs differ (generator or PRNG changed), not an output change').toBe(frozenCorpus.inputs);
    expect(now.chunks).toEqual(frozenCorpus.chunks);
  });
});
