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
