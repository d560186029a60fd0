import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAMPLES_DIR, readSample } from '../testing/samples';
import { parseMember } from './parse-member';
import { ParseChannel, stopParseThreads } from './parse-pool';
import { ReceivedVariants, SentVariants, routableMember, type RoutableMember } from './parsed-transfer';
import { CanonicalRecords, recordKeys } from './record-keys';
import { ParseError } from './types';
import { hitsOf } from './variant-hits';

/** Every real sample file (the .md notes aside), as an upload would name it. */
const samples = readdirSync(SAMPLES_DIR, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && !d.name.endsWith('.md'))
  .map((d) => path.relative(SAMPLES_DIR, path.join(d.parentPath, d.name)))
  .sort();

/** A sample parsed on this thread; records of one variant are the first one `canonical` saw. */
function parsedHere(file: string, canonical = new CanonicalRecords()): RoutableMember | { error: string } {
  try {
    const member = parseMember(file, readSample(file), null);
    const routable = routableMember(member, canonical);
    // Each record routes to the host it named itself, whichever record of its variant is kept.
    return member.kind === 'parsed' && routable.kind === 'parsed' ? { ...routable, hosts: member.result.records.map((r) => r.host ?? null) } : routable;
  } catch (err) {
    return { error: String(err) };
  }
}

/** What routing sees of a parsed file: the result, each record's host and keys (symbols are not in the JSON). */
function routed(m: RoutableMember | { error: string }) {
  if ('error' in m || m.kind === 'unit') return m;
  const { records } = m.result;
  return {
    ...JSON.parse(JSON.stringify(m.result)),
    hosts: records.map((r, i) => m.hosts?.[i] ?? null),
    keys: records.map((r) => recordKeys(r)),
    // The heuristics' hits on each variant: attached by the parse thread, evaluated here otherwise.
    hits: records.map((r) => hitsOf(r, recordKeys(r).identity)),
  };
}

describe('packing parsed files for another thread', () => {
  it('gives back every sample as parsed here, through the structured clone, with restarts and a lost file', () => {
    expect(samples.length).toBeGreaterThan(30);
    // A small limit makes the sender start over many times across the samples.
    const sent = new SentVariants(40);
    const received = new ReceivedVariants();
    // The receiver's records are the first of their variant since the sender last started over.
    let canonical = new CanonicalRecords();
    let restarts = 0;
    for (const [i, file] of samples.entries()) {
      if ('error' in parsedHere(file)) continue;
      const packed = sent.pack(parseMember(file, readSample(file), null));
      if (packed.kind === 'parsed' && packed.restart) {
        restarts++;
        canonical = new CanonicalRecords();
      }
      // Every seventh file is lost on the way (could not be sent): the next one must not refer to its variants.
      if (i % 7 === 3) {
        sent.forget();
        continue;
      }
      const there = received.unpack(structuredClone(packed), readSample(file));
      expect(routed(there), file).toEqual(routed(parsedHere(file, canonical)));
    }
    expect(restarts).toBeGreaterThan(3);
  });

  it('sends each variant once, and the records of one variant share one object', () => {
    const file = 'autoruns/limgreg_autorunslab1.csv';
    const sent = new SentVariants();
    const received = new ReceivedVariants();
    const first = sent.pack(parseMember(file, readSample(file), null));
    const again = sent.pack(parseMember(file, readSample(file), null));
    if (first.kind !== 'parsed' || again.kind !== 'parsed') throw new Error('not parsed');
    expect(first.fresh.length).toBeGreaterThan(10);
    expect(again.fresh).toEqual([]);
    const a = received.unpack(structuredClone(first), readSample(file));
    const b = received.unpack(structuredClone(again), readSample(file));
    if (a.kind !== 'parsed' || b.kind !== 'parsed') throw new Error('not parsed');
    expect(b.result.records.every((r, i) => r === a.result.records[i])).toBe(true);
  });

  it('refuses a reference to a variant it was never sent', () => {
    const file = 'autoruns/limgreg_autorunslab1.csv';
    const sent = new SentVariants();
    sent.pack(parseMember(file, readSample(file), null));
    const later = sent.pack(parseMember(file, readSample(file), null));
    expect(() => new ReceivedVariants().unpack(later, readSample(file))).toThrow(/never sent/);
  });
});

describe('ParseChannel on a parse thread', () => {
  const before = process.env.TASKLENS_PARSE_THREADS;
  // A thread numbers variants across uploads: each test starts one that has sent none, so that its records are
  // the first of their variant in the test.
  beforeEach(stopParseThreads);
  afterEach(() => {
    if (before === undefined) delete process.env.TASKLENS_PARSE_THREADS;
    else process.env.TASKLENS_PARSE_THREADS = before;
  });

  it('parses every sample as this thread does, several files under way at once', async () => {
    process.env.TASKLENS_PARSE_THREADS = '1';
    const channel = new ParseChannel(new CanonicalRecords());
    // Fewer variants than the thread sends before starting over: records are the first of their variant.
    const canonical = new CanonicalRecords();
    try {
      const there = samples.map((file) => channel.parse(file, readSample(file), null).catch((err: unknown) => ({ error: String(err) })));
      for (const [i, file] of samples.entries()) expect(routed(await there[i]!), file).toEqual(routed(parsedHere(file, canonical)));
    } finally {
      channel.close();
    }
  });

  it('turns a file that cannot be read into the same ParseError, with its line', async () => {
    process.env.TASKLENS_PARSE_THREADS = '1';
    const bytes = new TextEncoder().encode('Entry Location,Entry\r\n"unterminated,x\r\n');
    const here = (() => {
      try {
        parseMember('x.csv', bytes, 'autoruns');
      } catch (err) {
        return err;
      }
    })();
    expect(here).toBeInstanceOf(ParseError);
    const channel = new ParseChannel(new CanonicalRecords());
    try {
      const there = await channel.parse('x.csv', bytes, 'autoruns').catch((err: unknown) => err);
      expect(there).toBeInstanceOf(ParseError);
      expect({ message: (there as ParseError).message, line: (there as ParseError).line }).toEqual({ message: (here as ParseError).message, line: (here as ParseError).line });
    } finally {
      channel.close();
    }
  });

  it('copies a view of part of a larger buffer without detaching or sending the rest', async () => {
    process.env.TASKLENS_PARSE_THREADS = '1';
    const file = 'autoruns/limgreg_autorunslab1.csv';
    const bytes = readSample(file);
    const big = new Uint8Array(bytes.length + 10);
    big.set(bytes, 5);
    const view = big.subarray(5, 5 + bytes.length);
    const channel = new ParseChannel(new CanonicalRecords());
    try {
      expect(routed(await channel.parse(file, view, null))).toEqual(routed(parsedHere(file)));
      expect(big.byteLength).toBe(bytes.length + 10);
    } finally {
      channel.close();
    }
  });

  it('fails the files under way when its thread dies, and the next upload gets a new thread', async () => {
    process.env.TASKLENS_PARSE_THREADS = '1';
    const file = 'autoruns/limgreg_autorunslab1.csv';
    const expected = routed(parsedHere(file, new CanonicalRecords()));
    const channel = new ParseChannel(new CanonicalRecords());
    const underWay = Array.from({ length: 20 }, () => channel.parse(file, readSample(file), null).then(routed, (err: unknown) => String(err)));
    await stopParseThreads();
    const outcomes = await Promise.all(underWay);
    // The thread may finish the first few before it stops; the rest fail, none hangs or half-arrives.
    expect(outcomes.filter((o) => typeof o === 'string').length).toBeGreaterThan(0);
    for (const o of outcomes) {
      if (typeof o === 'string') expect(o).toMatch(/parse thread failed/);
      else expect(o).toEqual(expected);
    }
    // Files are answered in order: the failures are the last ones sent.
    expect(outcomes.findIndex((o) => typeof o === 'string')).toBe(outcomes.filter((o) => typeof o !== 'string').length);
    await expect(channel.parse(file, readSample(file), null)).rejects.toThrow(/parse thread is gone/);
    channel.close();

    const next = new ParseChannel(new CanonicalRecords());
    try {
      expect(routed(await next.parse(file, readSample(file), null))).toEqual(expected);
    } finally {
      next.close();
    }
  });
  it('sends a variant once to all the uploads on a thread, and lets go of them once the thread has none for a while', async () => {
    process.env.TASKLENS_PARSE_THREADS = '1';
    const file = 'autoruns/limgreg_autorunslab1.csv';
    const recordsOf = async () => {
      const channel = new ParseChannel(new CanonicalRecords());
      try {
        const m = await channel.parse(file, readSample(file), null);
        if (m.kind !== 'parsed') throw new Error('not parsed');
        return m.result.records;
      } finally {
        channel.close();
      }
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = await recordsOf();
      // The next upload, right after: the same objects, so nothing was sent again.
      const second = await recordsOf();
      expect(second.length).toBe(first.length);
      expect(second.every((r, i) => r === first[i])).toBe(true);
      // Idle past the release: the thread sends every variant again, as new objects with the same contents.
      vi.advanceTimersByTime(60_000);
      const third = await recordsOf();
      expect(third.some((r, i) => r === first[i])).toBe(false);
      expect(third.map((r) => recordKeys(r).variantKey)).toEqual(first.map((r) => recordKeys(r).variantKey));
    } finally {
      vi.useRealTimers();
    }
  });
});
