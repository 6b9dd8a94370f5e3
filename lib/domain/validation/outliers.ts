// An outlier warning while typing: a figure more than `factor` times the same place's figure in the
// period before, or under a `factor`-th of it, is probably a typo (an extra zero, a missing digit). It
// warns; it never blocks, since real figures do jump. Pure.

export type Outlier = { direction: "higher" | "lower"; previous: number };

export function outlierAgainst(value: number | null, previous: number | null, factor = 3): Outlier | null {
  if (value === null || previous === null || previous <= 0) return null;
  if (value > previous * factor) return { direction: "higher", previous };
  if (value < previous / factor) return { direction: "lower", previous };
  return null;
}
