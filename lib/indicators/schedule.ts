// Rules 6 and 7 of DESIGN.md: what should have been achieved by a date, and the resulting status.
import type { Direction, Measure } from "./types";

export type Status = "onTrack" | "atRisk" | "offTrack" | "noTarget" | "noData" | "notYetDue" | "notAssessed";

export type Thresholds = { onTrack: number; atRisk: number };
export const defaultThresholds: Thresholds = { onTrack: 0.9, atRisk: 0.75 };

export type Dated<T> = { endDate: Date; value: T };

/** Share of the project's time elapsed at `asOf`, from 0 to 1. */
export function elapsedShare(start: Date, end: Date, asOf: Date): number {
  const span = end.getTime() - start.getTime();
  if (span <= 0) return asOf >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (asOf.getTime() - start.getTime()) / span));
}

export type Expected = { value: number; source: "endedPeriodTargets" | "proratedLifeOfProject" } | null;

/**
 * Rule 6 for routine monitoring: the sum of the targets of periods already ended (for cumulative
 * indicators, the latest ended period's target); without period targets, the life-of-project target
 * prorated by elapsed project time, starting from the baseline. Null when nothing is due yet.
 */
export function expectedToDate(args: {
  cumulative: boolean;
  periodTargets: Dated<number>[];
  lifeOfProject: number | null;
  baseline: number | null;
  project: { start: Date; end: Date };
  asOf: Date;
}): Expected {
  const { periodTargets, asOf } = args;
  if (periodTargets.length > 0) {
    const ended = periodTargets
      .filter((t) => t.endDate <= asOf)
      .sort((a, b) => a.endDate.getTime() - b.endDate.getTime());
    if (ended.length === 0) return null;
    const value = args.cumulative ? (ended[ended.length - 1]?.value ?? 0) : ended.reduce((a, t) => a + t.value, 0);
    return { value, source: "endedPeriodTargets" };
  }
  if (args.lifeOfProject === null) return null;
  const share = elapsedShare(args.project.start, args.project.end, asOf);
  if (share <= 0) return null;
  const base = args.baseline ?? 0;
  return { value: base + (args.lifeOfProject - base) * share, source: "proratedLifeOfProject" };
}

/** How far along the way from baseline to expected the actual is (1 = exactly as expected). */
export function progressAgainst(
  direction: Direction,
  actual: number,
  expected: number,
  baseline: number | null,
): number {
  const base = baseline ?? 0;
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
  if (args.measure === "QUALITATIVE") return "notAssessed";
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
