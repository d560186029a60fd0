import { describe, expect, it } from 'vitest';
import { BoundedCache, clearBoundedCaches } from './bounded-cache';

describe('BoundedCache', () => {
  it('keeps values per scope: the same key in another scope is another value', () => {
    const cache = new BoundedCache<string>(1_000, 100);
    cache.set('mdy', '3/4/2025', 'March');
    cache.set('dmy', '3/4/2025', 'April');
    expect(cache.get('mdy', '3/4/2025')).toBe('March');
    expect(cache.get('dmy', '3/4/2025')).toBe('April');
    expect(cache.get('ymd', '3/4/2025')).toBeUndefined();
  });

  it('keeps null values apart from missing ones', () => {
    const cache = new BoundedCache<string | null>(1_000, 100);
    cache.set('', 'junk', null);
    expect(cache.get('', 'junk')).toBeNull();
    expect(cache.get('', 'other')).toBeUndefined();
  });

  it('does not keep keys over the length limit', () => {
    const cache = new BoundedCache<number>(1_000, 10);
    cache.set('', 'x'.repeat(11), 1);
    cache.set('', 'x'.repeat(10), 2);
    expect(cache.get('', 'x'.repeat(11))).toBeUndefined();
    expect(cache.get('', 'x'.repeat(10))).toBe(2);
  });

  it('holds at most two generations of characters, keeping keys still in use', () => {
    const cache = new BoundedCache<number>(100, 100);
    // Ten-character keys: a generation turns over after ten of them.
    const key = (i: number) => `k${String(i).padStart(9, '0')}`;
    for (let i = 0; i < 1_000; i++) {
      cache.set('', key(i), i);
      expect(cache.get('', key(0))).toBe(0); // used all along: moved back to the young generation each time
    }
    expect(cache.get('', key(999))).toBe(999);
    expect(cache.get('', key(500))).toBeUndefined();
    let kept = 0;
    for (let i = 0; i < 1_000; i++) if (cache.get('', key(i)) !== undefined) kept++;
    expect(kept).toBeLessThanOrEqual(22);
  });

  it('counts the characters of values that are copies, so they turn the generation over sooner', () => {
    const fill = (valueChars: number) => {
      const cache = new BoundedCache<number>(300, 100);
      for (let i = 0; i < 20; i++) cache.set('', `key${String(i).padStart(7, '0')}`, i, valueChars);
      return cache;
    };
    expect(fill(0).get('', 'key0000000')).toBe(0);
    expect(fill(90).get('', 'key0000000')).toBeUndefined();
    expect(fill(90).get('', 'key0000019')).toBe(19);
  });

  it('empties every cache of the thread at once, old generation included, and keeps working', () => {
    const a = new BoundedCache<number>(10, 100);
    const b = new BoundedCache<number>(1_000, 100);
    a.set('', 'aged-key-1', 1); // turned over by the next set: in the old generation
    a.set('', 'young-key-2', 2);
    b.set('s', 'k', 3);
    clearBoundedCaches();
    expect([a.get('', 'aged-key-1'), a.get('', 'young-key-2'), b.get('s', 'k')]).toEqual([undefined, undefined, undefined]);
    b.set('s', 'k', 4);
    expect(b.get('s', 'k')).toBe(4);
  });
});
