// Small builders that keep the demo data files readable.

import { periodAt } from "@/lib/domain/schedule/periods";
import type { Provenance, ReviewStatus } from "@/lib/generated/prisma/enums";
import type { DemoResult, DemoTarget } from "./types";

const I: Provenance = "ILLUSTRATIVE";

/** A demo value's status: a project definition's, never a partner's approval (two-level approval). */
function demoStatus(status: ReviewStatus): NonNullable<DemoResult["status"]> {
  if (status === "PARTNER_APPROVED") throw new Error("Demo values are never approved by a partner only");
  return status;
}

/** Quarterly, semi-annual or annual periods between two dates, labelled like "2021-Q1", "2020-H2", "2012". */
export function periods(startYear: number, startMonth: number, count: number, months: 3 | 6 | 12, locked = 0) {
  return Array.from({ length: count }, (_, i) => ({
    ...periodAt(startYear, startMonth - 1 + i * months, months),
    locked: i < locked,
  }));
}

/** One count result per location and period: values[location][periodIndex]; status by period index. */
export function countResults(
  periodLabels: string[],
  values: Record<string, (number | null)[]>,
  status: (periodIndex: number) => ReviewStatus,
  provenance: Provenance = I,
): DemoResult[] {
  return Object.entries(values).flatMap(([location, series]) =>
    series.flatMap((value, i) =>
      value === null
        ? []
        : [{ when: periodLabels[i] ?? "?", location, value, status: demoStatus(status(i)), provenance }],
    ),
  );
}

/** Survey percentages for one round: [numerator, denominator] per location; n is the denominator. */
export function percentResults(
  round: string,
  counts: Record<string, [number, number]>,
  status: ReviewStatus,
  provenance: Provenance = I,
): DemoResult[] {
  return Object.entries(counts).map(([location, [numerator, denominator]]) => ({
    when: round,
    location,
    numerator,
    denominator,
    sampleSize: denominator,
    status: demoStatus(status),
    provenance,
  }));
}

/** Life-of-project count targets per location. */
export function lopTargets(values: Record<string, number>, provenance: Provenance = I): DemoTarget[] {
  return Object.entries(values).map(([location, value]) => ({ when: "lop", location, value, provenance }));
}

/** Round percentage targets per location, as numerator/denominator of the planned sample. */
export function percentTargets(
  round: string,
  counts: Record<string, [number, number]>,
  provenance: Provenance = I,
): DemoTarget[] {
  return Object.entries(counts).map(([location, [numerator, denominator]]) => ({
    when: round,
    location,
    numerator,
    denominator,
    provenance,
  }));
}

/** Split one location-period total across options, leaving `unreported` out (shown as "not reported"). */
export function split(
  base: DemoResult,
  dimension: string,
  shares: Record<string, number>,
  unreported = 0,
): DemoResult[] {
  const total = (base.value ?? 0) - unreported;
  const keys = Object.keys(shares);
  let left = total;
  return keys.map((key, i) => {
    const value = i === keys.length - 1 ? left : Math.round(total * (shares[key] ?? 0));
    left -= value;
    return { ...base, option: `${dimension}:${key}`, value };
  });
}
