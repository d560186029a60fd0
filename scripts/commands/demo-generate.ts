import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS } from '../../lib/demo/defaults';
import { ALL_FORMATS, type DemoFormat, type FleetOptions } from '../../lib/demo/fleet';
import { writeFleet } from '../../lib/demo/files';

/**
 * Writes the demo fleet to a folder: `<YYYY-MM-DD>/labels.json` and `<YYYY-MM-DD>/<host>/<files>`.
 * `npx tasklens demo` ingests the result; for ingest without a disk round-trip use `fleetFiles()` from lib/demo,
 * whose items carry host, day, collectedAt and format.
 */

export type DemoGenerateOptions = Partial<FleetOptions>;

export async function writeDemoFleet(dir: string, opts: DemoGenerateOptions = {}): Promise<{ files: number; bytes: number; hosts: number }> {
  const { files, bytes, hosts } = await writeFleet(dir, { ...DEMO_DEFAULTS, ...opts });
  return { files, bytes, hosts };
}

/** Flag parsing shared with `tasklens demo`: --hosts N --days D --seed S --start YYYY-MM-DD --entries N --churn F --formats a,b. */
export function parseDemoArgs(argv: string[]): { dir: string | null; options: DemoGenerateOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      hosts: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      entries: { type: 'string' },
      churn: { type: 'string' },
      formats: { type: 'string' },
    },
  });
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const formats = values.formats?.split(',').map((f) => f.trim()) as DemoFormat[] | undefined;
  for (const f of formats ?? []) if (!ALL_FORMATS.includes(f)) throw new Error(`--formats: unknown format "${f}" (known: ${ALL_FORMATS.join(', ')})`);
  const start = values.start ? new Date(`${values.start}T00:00:00Z`) : undefined;
  if (start && Number.isNaN(start.getTime())) throw new Error(`--start must be YYYY-MM-DD, got "${values.start}"`);
  const options: DemoGenerateOptions = {
    hosts: num(values.hosts, 'hosts'),
    days: num(values.days, 'days'),
    seed: num(values.seed, 'seed'),
    entriesPerHost: num(values.entries, 'entries'),
    churn: num(values.churn, 'churn'),
    startDate: start,
    formats,
  };
  for (const k of Object.keys(options) as (keyof DemoGenerateOptions)[]) if (options[k] === undefined) delete options[k];
  return { dir: positionals[0] ?? null, options };
}
