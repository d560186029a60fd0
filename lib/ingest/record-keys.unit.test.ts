import { describe, expect, it } from 'vitest';
import { identityOf } from './normalize';
import { CanonicalRecords, recordKeys } from './record-keys';
import type { JobRecord } from './types';
import { variantFields, variantKey } from './variant-key';

function rec(over: Partial<JobRecord> = {}): JobRecord {
  return { family: 'cron', kind: 'crontab', name: 'root: backup', command: '/usr/local/bin/backup.sh', runAs: 'root', schedule: '0 3 * * *', host: 'a', line: 1, raw: { line: '0 3 * * * root /usr/local/bin/backup.sh' }, ...over } as JobRecord;
}

describe('record keys', () => {
  it('are the entry identity and the variant key, computed once per record', () => {
    const r = rec();
    const keys = recordKeys(r);
    expect(keys.identity).toEqual(identityOf(r));
    expect(keys.variantKey).toBe(variantKey(identityOf(r).key, variantFields(r)));
    expect(recordKeys(r)).toBe(keys);
  });
});

describe('canonical records of hosts stored together', () => {
  it('one object per variant: the first sighting, whatever the host, line and raw columns of the others', () => {
    const canonical = new CanonicalRecords();
    const first = rec();
    expect(canonical.of(first)).toBe(first);
    expect(canonical.of(rec({ host: 'b', line: 7, raw: { line: 'other' } }))).toBe(first);
  });

  it('a field of the variant that differs keeps its own record', () => {
    const canonical = new CanonicalRecords();
    canonical.of(rec());
    const other = rec({ schedule: '0 4 * * *' });
    expect(canonical.of(other)).toBe(other);
  });

  it('starts over once cleared', () => {
    const canonical = new CanonicalRecords();
    canonical.of(rec());
    canonical.clear();
    const later = rec({ host: 'c' });
    expect(canonical.of(later)).toBe(later);
  });
});
