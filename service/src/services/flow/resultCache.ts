/**
 * A bounded LRU of computations keyed by data version: the first request for a key starts the work,
 * concurrent requests for the same key wait for that one promise, later ones reuse its result until it is
 * evicted. Keys carry the data version, so a change of data or settings makes a new key and the stale
 * entry simply ages out. A failed computation is forgotten at once, so errors are never cached.
 */

export interface ResultCacheLimits<V> {
  /** Most entries kept. */
  maxEntries: number;
  /** Most total weight kept (weights are roughly records held: items, transitions, rows). */
  maxWeight: number;
  weigh: (value: V) => number;
}

export interface ResultCacheStats {
  entries: number;
  weight: number;
  hits: number;
  misses: number;
}

interface Entry<V> {
  promise: Promise<V>;
  weight: number;
}

export class ResultCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private weight = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly limits: ResultCacheLimits<V>) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Map iteration order is insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.promise;
    }
    this.misses++;
    const entry: Entry<V> = { promise: Promise.resolve().then(compute), weight: 0 };
    this.entries.set(key, entry);
    entry.promise.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.weight = Math.max(1, this.limits.weigh(value));
        this.weight += entry.weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return entry.promise;
  }

  stats(): ResultCacheStats {
    return { entries: this.entries.size, weight: this.weight, hits: this.hits, misses: this.misses };
  }

  /** Least recently used first; a pending entry may go too (its waiters keep their promise). */
  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.weight <= this.limits.maxWeight) return;
      this.entries.delete(key);
      this.weight -= entry.weight;
    }
  }
}
