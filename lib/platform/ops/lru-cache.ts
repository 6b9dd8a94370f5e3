// A bounded map that forgets its least recently used entries first: bounded by their count, or by a
// weight of each (e.g. its size).
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found); // most recently used last
    }
    return found;
  }

  set(key: string, value: V): void {
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      this.total -= this.weigh(known);
    }
    this.entries.set(key, value);
    this.total += this.weigh(value);
    for (const [oldest, kept] of this.entries) {
      if (this.total <= this.limit) break;
      this.entries.delete(oldest);
      this.total -= this.weigh(kept);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
