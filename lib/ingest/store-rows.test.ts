import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { cronParser } from './cron';
import { identityOf } from './normalize';
import { upsertEntries, upsertVariants, type EntryRow, type VariantIds, type VariantRow } from './store-rows';
import { variantFields, variantKey } from './variant-key';

afterAll(disconnectDb);

/** One new entry and variant, as a batch's prepare step makes them. */
function rowsOf(command: string) {
  const [rec] = cronParser.parse(new TextEncoder().encode(`0 3 * * * ${command}\n`), { fileName: 'crontab' }).records;
  const identity = identityOf(rec!);
  const fields = variantFields(rec!);
  const entry: EntryRow = { family: rec!.family, normName: identity.normName, normCommand: identity.normCommand, executable: identity.executable, name: rec!.name, command: rec!.command, firstSeenAt: new Date('2026-11-01T00:00:00Z') };
  const variant: VariantRow = { entryKey: identity.key, fields, record: rec!, identity };
  return { entries: new Map([[identity.key, entry]]), variants: new Map([[variantKey(identity.key, fields), variant]]) };
}

describe('upsertVariants', () => {
  it('returns the id of a variant that a concurrent batch committed after the probe', async () => {
    const { entries, variants } = rowsOf(`/opt/raced-${Date.now()}.sh`);
    const [key] = [...variants.keys()];
    const known = new Map<string, VariantIds>();
    await db().$transaction(async (tx) => {
      await upsertEntries(db(), entries, new Set());
      // Another batch, on another connection, inserts the same variant and commits after this batch's probe found
      // nothing: ON CONFLICT DO NOTHING skips it here, and the id has to be looked up.
      await upsertVariants(db(), variants, new Map());
      await upsertVariants(tx, variants, known);
    });
    const stored = await db().variant.findUniqueOrThrow({ where: { key } });
    expect(known.get(key!)).toEqual({ id: stored.id, entryId: stored.entryId });
  });

  it('adds the ids of the variants it creates and of their entries, and leaves known ones alone', async () => {
    const fresh = rowsOf(`/opt/fresh-${Date.now()}.sh`);
    const [key] = [...fresh.variants.keys()];
    const known = new Map([['some-other-key', { id: 1, entryId: 1 }]]);
    await upsertEntries(db(), fresh.entries, new Set());
    await upsertVariants(db(), fresh.variants, known);
    const stored = await db().variant.findUniqueOrThrow({ where: { key } });
    expect(known.get(key!)).toEqual({ id: stored.id, entryId: stored.entryId });
    expect(known.get('some-other-key')).toEqual({ id: 1, entryId: 1 });
  });
});
