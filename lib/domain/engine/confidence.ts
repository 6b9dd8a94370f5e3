// Sampling uncertainty of survey percentages.

const Z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/**
 * 95% Wilson score interval for a proportion, in percent. Unlike the normal approximation it stays
 * inside 0–100% and behaves for small samples and proportions near 0 or 1. `n` is the sample size.
 */
export function wilsonInterval(successes: number, n: number): Interval | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

export type Change = {
  /** Percentage points, later minus earlier. */
  difference: number;
  /** 95% margin of error of the difference, in percentage points. */
  marginOfError: number;
  /** True when the change is larger than its margin of error. */
  exceedsMarginOfError: boolean;
};

/** Round-to-round change of a survey percentage, with the margin of error of the difference. */
export function changeBetweenRounds(
  earlier: { numerator: number; n: number },
  later: { numerator: number; n: number },
): Change | null {
  if (!(earlier.n > 0 && later.n > 0)) return null;
  const p1 = earlier.numerator / earlier.n;
  const p2 = later.numerator / later.n;
  const standardError = Math.sqrt((p1 * (1 - p1)) / earlier.n + (p2 * (1 - p2)) / later.n);
  const difference = (p2 - p1) * 100;
  const marginOfError = Z95 * standardError * 100;
  return { difference, marginOfError, exceedsMarginOfError: Math.abs(difference) > marginOfError };
}
