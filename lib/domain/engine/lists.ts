// Small list helpers of the summary.

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Distinct ids, sorted: the places and times an explanation names. */
export function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** The distinct ids of some items, sorted (`unique` of their ids without listing every one first). */
export function uniqueOf<T>(items: T[], id: (item: T) => string): string[] {
  const ids = new Set<string>();
  for (const item of items) ids.add(id(item));
  return [...ids].sort();
}

/**
 * A value per pair of keys (a place and an option), each worked out once: a look-up builds no string.
 * `make` may itself look up other pairs.
 */
export function pairCache<A, B, V>(): (a: A, b: B, make: () => V) => V {
  const byFirst = new Map<A, Map<B, V>>();
  return (a, b, make) => {
    let bySecond = byFirst.get(a);
    if (!bySecond) {
      bySecond = new Map();
      byFirst.set(a, bySecond);
    }
    if (bySecond.has(b)) return bySecond.get(b) as V;
    const value = make();
    bySecond.set(b, value);
    return value;
  };
}
