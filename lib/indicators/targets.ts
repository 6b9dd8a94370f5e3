// Rules 2, 4 and 5 of DESIGN.md: combining targets and measuring achievement against them.
import { percent } from "./aggregate";
import type { Baseline, Direction, Measure, TargetInput, TimeRule } from "./types";

export type CombinedTarget = { value: number | null; numerator: number | null; denominator: number | null };

const none: CombinedTarget = { value: null, numerator: null, denominator: null };

/**
 * Targets of several locations (or options) combined. Counts add up; percentage targets are weighted
 * by their denominators (rule 2), so they need numerator and denominator; a lone percentage target is
 * taken as it is. Means cannot be combined without sample sizes and give no overall target.
 */
export function combineTargets(measure: Measure, targets: TargetInput[]): CombinedTarget {
  if (targets.length === 0 || measure === "QUALITATIVE") return none;
  if (measure === "COUNT") {
    if (targets.some((t) => t.value === null)) return none;
    return { ...none, value: targets.reduce((a, t) => a + (t.value ?? 0), 0) };
  }
  const only = targets.length === 1 ? targets[0] : undefined;
  if (measure === "PERCENTAGE") {
    if (targets.every((t) => t.numerator !== null && t.denominator !== null)) {
      const numerator = targets.reduce((a, t) => a + (t.numerator ?? 0), 0);
      const denominator = targets.reduce((a, t) => a + (t.denominator ?? 0), 0);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    return only ? { ...none, value: only.value } : none;
  }
  return only ? { ...none, value: only.value } : none;
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
  if (timeRule === "CUMULATIVE" || measure !== "COUNT") return set[set.length - 1] ?? none;
  return { ...none, value: set.reduce((a, t) => a + (t.value ?? 0), 0) };
}

export function baselineValue(measure: Measure, baseline: Baseline): number | null {
  if (measure === "PERCENTAGE" && baseline.numerator !== null && baseline.denominator !== null) {
    return percent(baseline.numerator, baseline.denominator);
  }
  return baseline.value;
}

/**
 * Rule 5: share of the way from baseline to target, as a fraction (1 = target reached). Raw, never
 * capped or rounded; null when target equals baseline or a figure is missing. A missing baseline counts
 * as zero for counts (nothing was delivered before the project) and as unknown for other measures.
 */
export function achievement(
  measure: Measure,
  direction: Direction,
  actualValue: number | null,
  targetValue: number | null,
  baseline: number | null,
): number | null {
  if (actualValue === null || targetValue === null) return null;
  const base = baseline ?? (measure === "COUNT" ? 0 : null);
  if (base === null || targetValue === base) return null;
  return direction === "INCREASE"
    ? (actualValue - base) / (targetValue - base)
    : (base - actualValue) / (base - targetValue);
}
