/** Every BoundedCache of this thread; there are a handful, made when their modules load. */
const caches = new Set<{ clear(): void }>();

/**
 * A memo of pure results keyed by text from uploads, bounded by characters since that text is attacker-controlled.
 *
 * Two generations: when the young one holds `generationChars` it becomes the old one and the old is dropped, and a
 * key found in the old one moves back to the young. Keys still in use survive a turnover; a map cleared at once
 * would miss every key of the next uploads. Keys are looked up within a scope (a file layout, a day order) so that
 * callers never build a joined key string: hashing a concatenation flattens it, a copy per lookup.
 *
 * Keys are copied before they are kept: they are usually slices of a file's decoded text, and V8 keeps a sliced
 * string's whole parent alive (cached slices once pinned every 313 KB export of a 1 GB archive: 1.3 GB RSS).
 */
export class BoundedCache<V> {
  private young = new Map<string, Map<string, V>>();
  private old = new Map<string, Map<string, V>>();
  private youngChars = 0;

  constructor(
    private readonly generationChars: number,
    /** Longer keys are not kept: the caller recomputes their value each time instead of copying them. */
    private readonly maxKeyChars: number,
  ) {
    caches.add(this);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
    this.youngChars = 0;
  }

  get(scope: string, key: string): V | undefined {
    const hit = this.young.get(scope)?.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(scope)?.get(key);
    if (aged !== undefined) this.set(scope, key, aged);
    return aged;
  }

  /** `valueChars`: characters the value holds beyond the key's, when they are its own copies. */
  set(scope: string, key: string, value: V, valueChars = 0): void {
    if (key.length > this.maxKeyChars) return;
    if (this.youngChars >= this.generationChars) {
      this.old = this.young;
      this.young = new Map();
      this.youngChars = 0;
    }
    let keys = this.young.get(scope);
    if (!keys) {
      this.young.set(structuredClone(scope), (keys = new Map()));
      this.youngChars += scope.length;
    }
    keys.set(structuredClone(key), value);
    this.youngChars += key.length + valueChars;
  }
}

/**
 * Empty every memo of this thread, as if it had seen no upload: the bench times a first snapshot of a fleet with
 * compiled code that has run before, as in a server, but without rows it has already keyed (lib/bench).
 */
export function clearBoundedCaches(): void {
  for (const c of caches) c.clear();
}
