// Plain types of the indicator engine: no Prisma, no I/O, so the math can be tested on its own.

export type Measure = "COUNT" | "PERCENTAGE" | "MEAN" | "QUALITATIVE";
export type TimeRule = "NON_CUMULATIVE" | "CUMULATIVE";
export type Direction = "INCREASE" | "DECREASE";

/**
 * Sums of the results of one indicator in one location and one period or round, as the database's
 * GROUP BY returns them. Each value weighs its sum of survey weights, or its sample size when unweighted:
 * `weight` is the sum of those, `weightedValue` the sum of value x weight (for means), and `weightSquares`
 * the sum of weight² / sample size (each value's sum of squared weights, from its Kish n), so that the
 * effective n of values pooled is Kish's of all their rows.
 */
export type ResultPartial = {
  locationId: string;
  /** The period or round the results belong to. */
  timeId: string;
  /** When that period or round ended: orders time for cumulative indicators. */
  timeEnd: Date;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  weightedValue: number | null;
  weight: number | null;
  weightSquares: number | null;
  sampleSize: number | null;
  resultCount: number;
};

/** An aggregated figure. Percentages are in percent (0–100); `null` value means "no data", never zero. */
export type Figure = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  resultCount: number;
};

/** A target row as stored: a value, or numerator/denominator for percentages. */
export type TargetInput = { value: number | null; numerator: number | null; denominator: number | null };

export type Baseline = { value: number | null; numerator: number | null; denominator: number | null };
