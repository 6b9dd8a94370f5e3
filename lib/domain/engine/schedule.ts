// Rules 6 and 7 of docs/numbers.md: what should have been achieved by a date, and the resulting status.
import { addsUp, isText } from "@/lib/domain/measures";
import { elapsedShare, hasEnded, hasStarted } from "./days";
import { type CombinedTarget, combineTargets, effectiveBaseline } from "./targets";
import type { Direction, Measure } from "./types";

export type Status = "onTrack" | "atRisk" | "offTrack" | "noTarget" | "noData" | "notYetDue" | "notAssessed";

export type Thresholds = { onTrack: number; atRisk: number };
export const defaultThresholds: Thresholds = { onTrack: 0.9, atRisk: 0.75 };

export type Dated<T> = { endDate: Date; value: T };

export type ExpectedSource = "endedPeriodTargets" | "proratedLifeOfProject" | "lifeOfProjectTarget";
export type Expected = { value: number; source: ExpectedSource } | null;

/**
 * Rule 6 for routine monitoring, as of the end of day `asOf`. From period targets: for counts, the
 * sum of the targets of the periods already ended (cumulative: the latest ended period's target); for
 * rates and means, the ended periods' targets combined by rule 2 (cumulative: the latest). Without
 * period targets: counts, the life-of-project target prorated by elapsed project time from the
 * baseline (0 when there is none); rates and means, prorated from the baseline when there is one, else
 * the target itself, due all along. Null when nothing is due yet.
 */
export function expectedToDate(args: {
  measure: Measure;
  cumulative: boolean;
  periodTargets: Dated<CombinedTarget>[];
  lifeOfProject: number | null;
  baseline: number | null;
  project: { start: Date; end: Date };
  asOf: Date;
}): Expected {
  const { measure, periodTargets, asOf } = args;
  if (periodTargets.length > 0) {
    const ended = periodTargets
      .filter((t) => hasEnded(t.endDate, asOf))
      .sort((a, b) => a.endDate.getTime() - b.endDate.getTime());
    const latest = ended[ended.length - 1];
    if (!latest) return null;
    const value = args.cumulative
      ? latest.value.value
      : combineTargets(
          measure,
          ended.map((t) => t.value),
        ).value;
    return value === null ? null : { value, source: "endedPeriodTargets" };
  }
  if (args.lifeOfProject === null || !hasStarted(args.project.start, asOf)) return null;
  if (!addsUp(measure) && args.baseline === null) return { value: args.lifeOfProject, source: "lifeOfProjectTarget" };
  const base = effectiveBaseline(args.baseline);
  const share = elapsedShare(args.project.start, args.project.end, asOf);
  return { value: base + (args.lifeOfProject - base) * share, source: "proratedLifeOfProject" };
}

/** How far along the way from baseline to expected the actual is (1 = exactly as expected). */
export function progressAgainst(
  direction: Direction,
  actual: number,
  expected: number,
  baseline: number | null,
): number {
  const base = effectiveBaseline(baseline);
  if (expected === base) {
    const reached = direction === "INCREASE" ? actual >= expected : actual <= expected;
    return reached ? 1 : 0;
  }
  return direction === "INCREASE" ? (actual - base) / (expected - base) : (base - actual) / (base - expected);
}

/**
 * Rule 7: on track / at risk / off track against expected-to-date, with distinct states for no
 * target, no data yet and not yet due. Qualitative indicators are not assessed.
 */
export function status(args: {
  measure: Measure;
  direction: Direction;
  hasTarget: boolean;
  expected: number | null;
  actual: number | null;
  baseline: number | null;
  thresholds?: Thresholds;
}): Status {
  if (isText(args.measure)) return "notAssessed";
  if (!args.hasTarget) return "noTarget";
  if (args.expected === null) return "notYetDue";
  if (args.actual === null) return "noData";
  const { onTrack, atRisk } = args.thresholds ?? defaultThresholds;
  const progress = progressAgainst(args.direction, args.actual, args.expected, args.baseline);
  if (progress >= onTrack) return "onTrack";
  if (progress >= atRisk) return "atRisk";
  return "offTrack";
}

export const allStatuses: Status[] = [
  "onTrack",
  "atRisk",
  "offTrack",
  "noTarget",
  "noData",
  "notYetDue",
  "notAssessed",
];

/** How many of the given figures are in each status. */
export function countStatuses(statuses: Status[]): Record<Status, number> {
  const counts = Object.fromEntries(allStatuses.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of statuses) counts[s] += 1;
  return counts;
}
