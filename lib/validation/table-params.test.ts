import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHostSearchParams, serializeHostSearchParams } from './hosts';
import { parseInventorySearchParams, serializeInventorySearchParams } from './inventory';

describe('inventory URL state', () => {
  it('round-trips through the URL', () => {
    const state = parseInventorySearchParams({ q: 'evil', family: 'cron,windows_task', sort: 'name.asc', page: '3', size: '100', host: 'ws1' });
    const again = parseInventorySearchParams(Object.fromEntries(new URLSearchParams(serializeInventorySearchParams(state))));
    expect(again).toEqual(state);
  });

  it('drops defaults from the URL', () => {
    expect(serializeInventorySearchParams(parseInventorySearchParams({}))).toBe('');
  });

  it('degrades garbage to defaults instead of throwing', () => {
    const s = parseInventorySearchParams({ page: '-4', size: '7', sort: 'drop table.asc', family: 'nope,cron' });
    expect(s).toMatchObject({ page: 1, size: 50, sort: { id: 'hostsNow', desc: false }, family: ['cron'] });
  });

  it('never throws on arbitrary search params (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()))), (raw) => {
        expect(() => parseInventorySearchParams(raw)).not.toThrow();
        expect(() => parseHostSearchParams(raw)).not.toThrow();
      }),
    );
  });
});

describe('host URL state', () => {
  it('round-trips sort and paging', () => {
    const state = parseHostSearchParams({ sort: 'entries.desc', page: '2' });
    expect(serializeHostSearchParams(state)).toBe('?sort=entries.desc&page=2');
  });
});
