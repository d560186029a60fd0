import { autorunsParser } from '@/lib/ingest/autoruns';
import { identityOf } from '@/lib/ingest/normalize';
import { variantFields, variantKey } from '@/lib/ingest/variant-key';
import type { BenchFile } from './fleet';

/**
 * Parse and normalize every file on this thread, as the ingest does before it writes: decode, CSV, records,
 * entry identity and variant key. Returns the record count; the caller times it.
 */
export function parseAndNormalize(files: BenchFile[]): number {
  let records = 0;
  for (const f of files) {
    for (const rec of autorunsParser.parse(f.bytes, { fileName: `${f.host}-autorunsc.csv` }).records) {
      const id = identityOf(rec);
      variantKey(id.key, variantFields(rec));
      records++;
    }
  }
  return records;
}
