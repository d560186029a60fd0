import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestOutputs, type InputOutputs } from '@/lib/testing/ingest-outputs';

// Entry keys, variant keys and parsed records are stored in databases already in use: the same input must give
// byte-identical outputs after any speed work. The fixture was computed by the code before that work, from the
// real samples and a demo fleet. Regenerate only for a deliberate change of stored keys (a migration), with
//   npx tsx -e "import('@/lib/testing/ingest-outputs').then(m => require('fs').writeFileSync(
//     'lib/ingest/fixtures/ingest-outputs.json', JSON.stringify(m.ingestOutputs(), null, 1) + '\n'))"
const frozen: InputOutputs[] = JSON.parse(readFileSync(new URL('./fixtures/ingest-outputs.json', import.meta.url), 'utf8'));

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
