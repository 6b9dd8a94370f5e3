// Rules 2, 4 and 5 of docs/numbers.md: combining targets and measuring achievement against them.
import { addsUp, measureTable } from "@/lib/domain/measures";
import { percent } from "./aggregate";
import type { Baseline, Direction, Measure, TargetInput, TimeRule } from "./types";

export type CombinedTarget = { value: number | null; numerator: number | null; denominator: number | null };

const none: CombinedTarget = { value: null, numerator: null, denominator: null };

/**
 * Targets of several locations, periods or options combined (rule 2). Counts add up. Percentage
 * targets are weighted by their denominators when every one carries its counts, and otherwise count
 * equally; mean targets count equally (targets carry no planned sample size).
 */
export function combineTargets(measure: Measure, targets: TargetInput[]): CombinedTarget {
  const aggregation = measureTable[measure].aggregation;
  if (targets.length === 0 || aggregation === "none") return none;
  const ratio = aggregation === "ratioOfSums";
  if (ratio && targets.every((t) => t.numerator !== null && t.denominator !== null)) {
    const numerator = targets.reduce((a, t) => a + (t.numerator ?? 0), 0);
    const denominator = targets.reduce((a, t) => a + (t.denominator ?? 0), 0);
    return { value: percent(numerator, denominator), numerator, denominator };
  }
  const values = targets.map((t) => (ratio ? shareOf(t) : t.value));
  if (values.some((v) => v === null)) return none;
  const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
  switch (aggregation) {
    case "sum":
      return { ...none, value: total };
    case "ratioOfSums":
    case "weightedMean":
      return { ...none, value: total / values.length };
  }
}

/** A share's value (a target or a baseline): the percentage its counts make when it has them. */
function shareOf(t: TargetInput): number | null {
  return t.numerator !== null && t.denominator !== null ? percent(t.numerator, t.denominator) : t.value;
}

/**
 * Rule 4: the life-of-project target is the explicit one when given; otherwise the sum of period
 * targets for non-cumulative indicators, or the last period's target for cumulative ones.
 * `periodTargets` are in period order.
 */
export function lifeOfProjectTarget(
  measure: Measure,
  timeRule: TimeRule,
  explicit: CombinedTarget | null,
  periodTargets: CombinedTarget[],
): CombinedTarget {
  if (explicit && explicit.value !== null) return explicit;
  const set = periodTargets.filter((t) => t.value !== null);
  if (set.length === 0) return none;
  if (timeRule === "CUMULATIVE" || !addsUp(measure)) return set[set.length - 1] ?? none;
  return { ...none, value: set.reduce((a, t) => a + (t.value ?? 0), 0) };
}

export function baselineValue(measure: Measure, baseline: Baseline): number | null {
  return measureTable[measure].aggregation === "ratioOfSums" ? shareOf(baseline) : baseline.value;
}

/** Rule 5: an indicator without a baseline starts from 0, the same in achievement, expected and status. */
export function effectiveBaseline(baseline: number | null): number {
  return baseline ?? 0;
}

/**
 * Rule 5: share of the way from baseline to target, as a fraction (1 = target reached). Raw, never
 * capped or rounded; null when target equals baseline or a figure is missing.
 */
export function achievement(
  direction: Direction,
  actualValue: number | null,
  targetValue: number | null,
  baseline: number | null,
): number | null {
  if (actualValue === null || targetValue === null) return null;
  const base = effectiveBaseline(baseline);
  if (targetValue === base) return null;
  return direction === "INCREASE"
    ? (actualValue - base) / (targetValue - base)
    : (base - actualValue) / (base - targetValue);
}
