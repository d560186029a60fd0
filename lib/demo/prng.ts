import { createHash } from 'node:crypto';

/**
 * Deterministic randomness for the demo fleet. Everything derives from the fleet seed through these helpers,
 * never Math.random, so the same options always produce the same bytes.
 */

/** mulberry32: tiny, fast, good enough for picking hosts and versions (not for cryptography). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string, mixed with a seed; used to derive stable per-host / per-path choices without state. */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A stable fraction in [0, 1) for a key. */
export function unit(text: string, seed = 0): number {
  return hash32(text, seed) / 4294967296;
}

export function pickBy<T>(items: readonly T[], text: string, seed = 0): T {
  return items[hash32(text, seed) % items.length]!;
}

export function pickRng<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Upper-case hex digest, as Autoruns prints hashes. */
export function hexDigest(algo: 'md5' | 'sha1' | 'sha256', text: string): string {
  return createHash(algo).update(text).digest('hex').toUpperCase();
}

/** A GUID in registry form `{8-4-4-4-12}` derived from a key (per-install GUIDs, COM class ids). */
export function guidFrom(text: string): string {
  const h = hexDigest('md5', text);
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** Deterministic shuffle (Fisher-Yates) of a copy. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
