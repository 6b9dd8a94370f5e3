// A bounded map that forgets its least recently used entries first: bounded by their count, or by a
// weight of each (e.g. its size). The caches here use this small interface; the work is lru-cache's.
// Values are kept boxed because lru-cache stores no null or undefined (a map cache remembers "no map"
// as null), and a weight counts at least 1 because lru-cache refuses sizes below 1 (an empty body).
import { LRUCache } from "lru-cache";

export class LruCache<V> {
  private readonly entries: LRUCache<string, { value: V }>;

  constructor(limit: number, weigh?: (value: V) => number) {
    this.entries = weigh
      ? new LRUCache({ maxSize: limit, sizeCalculation: (entry) => Math.max(1, Math.ceil(weigh(entry.value))) })
      : new LRUCache({ max: limit });
  }

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** An entry heavier than the whole limit is not kept (the others stay). */
  set(key: string, value: V): void {
    this.entries.set(key, { value });
  }

  get size(): number {
    return this.entries.size;
  }
}
