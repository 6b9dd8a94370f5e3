// Rules 1 and 3 of docs/numbers.md: how results combine across locations, periods and rounds.
import { measureTable } from "@/lib/domain/measures";
import type { Figure, Measure, ResultPartial, TimeRule } from "./types";

const noData: Figure = { value: null, numerator: null, denominator: null, sampleSize: null, resultCount: 0 };

type Summed = "value" | "numerator" | "denominator" | "weightedValue" | "weight" | "weightSquares" | "sampleSize";

/** The sum of one column over the partials that have it, in order; null when none has it (no data is never zero). */
function sum(partials: ResultPartial[], column: Summed): number | null {
  let total = 0;
  let any = false;
  for (const p of partials) {
    const v = p[column];
    if (v !== null) {
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}

/** Percentage from counts; undefined (null) for a zero denominator. */
export function percent(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * 100;
}

/**
 * Rule 3: non-cumulative indicators keep every period; cumulative ones keep only the latest period
 * or round of each location (their values are already running totals).
 */
export function applyTimeRule<T extends ResultPartial>(timeRule: TimeRule, partials: T[]): T[] {
  if (timeRule === "NON_CUMULATIVE") return partials;
  const latest = new Map<string, T>();
  for (const p of partials) {
    const current = latest.get(p.locationId);
    if (!current || p.timeEnd > current.timeEnd) latest.set(p.locationId, p);
  }
  return [...latest.values()];
}

/**
 * Rule 1: counts add up; percentages are sum of numerators over sum of denominators; means are
 * weighted by sample size, or by their sums of survey weights (rule 12). Never an average of
 * percentages. Qualitative indicators are not aggregated.
 */
export function combine(measure: Measure, partials: ResultPartial[]): Figure {
  const aggregation = measureTable[measure].aggregation;
  const resultCount = count(partials);
  if (aggregation === "none" || partials.length === 0) return { ...noData, resultCount };
  const weight = sum(partials, "weight");
  const squares = sum(partials, "weightSquares");
  // Kish's effective n of all the rows pooled, (Σw)² / Σw²: without weights, (Σn)² / Σn = Σn exactly.
  const sampleSize = weight !== null && squares ? (weight * weight) / squares : sum(partials, "sampleSize");
  switch (aggregation) {
    case "sum":
      return { ...noData, value: sum(partials, "value"), sampleSize, resultCount };
    case "ratioOfSums": {
      const numerator = sum(partials, "numerator");
      const denominator = sum(partials, "denominator");
      return { value: percent(numerator, denominator), numerator, denominator, sampleSize, resultCount };
    }
    case "weightedMean": {
      const weighted = sum(partials, "weightedValue");
      const value = weighted === null || !weight ? null : weighted / weight;
      return { ...noData, value, sampleSize, resultCount };
    }
  }
}

function count(partials: ResultPartial[]): number {
  return partials.reduce((n, p) => n + p.resultCount, 0);
}

/** The actual figure of an indicator over the given results: the time rule, then rule 1. */
export function actual(measure: Measure, timeRule: TimeRule, partials: ResultPartial[]): Figure {
  return combine(measure, applyTimeRule(timeRule, partials));
}
