// The rules a result must follow that depend on its indicator (measure, source, unit) and its project
// (periods, rounds, places, options). Free of schema code, so the entry grid checks a whole batch in
// the browser with the same rules the server applies.
import type { Measure } from "@/lib/domain/engine/types";
import { measureTable } from "@/lib/domain/measures";
import { measureChecks } from "@/lib/domain/measures/checks";
import type { ResultInput } from "./results";

export type IndicatorRules = {
  measure: Measure;
  source: "MONITORING" | "SURVEY";
  /** The unit: counts of people or things are whole, measured quantities (ha, km, USD) are not. */
  unit?: string;
  optionIds: Set<string>;
  /** The indicator's own bounds for a count or mean value, and whether it must be whole (null: by unit). */
  minValue?: number | null;
  maxValue?: number | null;
  wholeNumbers?: boolean | null;
};

export type ProjectRules = { periodIds: Set<string>; roundIds: Set<string>; locationIds: Set<string> };

export type FieldProblem = { field: keyof ResultInput; code: string };

/**
 * A result with no figure at all (no value, counts, sample size, weights or text): a blank cell, which
 * means "no value". It is never refused as incomplete nor read as zero: nothing is saved for it, and a
 * saved draft or returned value it stands for is deleted (see saveResults).
 */
export function hasNoFigure(
  input: Pick<ResultInput, "value" | "numerator" | "denominator" | "sampleSize" | "weightSum" | "textValue">,
) {
  return (
    input.value == null &&
    input.numerator == null &&
    input.denominator == null &&
    input.sampleSize == null &&
    input.weightSum == null &&
    !input.textValue?.trim()
  );
}

/** The problems of one result against its indicator and project, as translatable codes per field. */
export function resultProblems(input: ResultInput, indicator: IndicatorRules, project: ProjectRules): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: keyof ResultInput, code: string) => problems.push({ field, code });
  if (indicator.source === "SURVEY") {
    if (!input.roundId) add("roundId", "required");
    else if (!project.roundIds.has(input.roundId)) add("roundId", "unknown");
    if (input.periodId) add("periodId", "notForSurvey");
  } else {
    if (!input.periodId) add("periodId", "required");
    else if (!project.periodIds.has(input.periodId)) add("periodId", "unknown");
    if (input.roundId) add("roundId", "notForMonitoring");
  }
  if (!project.locationIds.has(input.locationId)) add("locationId", "unknown");
  if (input.optionId && !indicator.optionIds.has(input.optionId)) add("optionId", "unknown");

  const sampleSize = measureTable[indicator.measure].sampleSize;
  const needsSample = sampleSize === "always" || (sampleSize === "survey" && indicator.source === "SURVEY");
  if (needsSample && (input.sampleSize === null || input.sampleSize === undefined)) add("sampleSize", "required");
  // Weighted survey figures (a sum of weights given) are fractions of people: a share's numerator and
  // denominator are sums of weights, its sample size Kish's effective n. Otherwise they count people.
  const weighted = input.weightSum != null;
  if (weighted && !needsSample) add("weightSum", "notWeighted");
  if (!weighted && input.sampleSize != null && !Number.isInteger(input.sampleSize)) add("sampleSize", "wholeNumber");
  // The figure itself, by its measure's rules (lib/domain/measures).
  measureChecks[indicator.measure].resultProblems(input, indicator, weighted, add);
  return problems;
}
