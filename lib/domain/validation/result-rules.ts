// The rules a result must follow that depend on its indicator (measure, source, unit) and its project
// (periods, rounds, places, options). Free of schema code, so the entry grid checks a whole batch in
// the browser with the same rules the server applies.
import { countsWholeThings } from "@/lib/domain/engine/units";
import type { ResultInput } from "./results";

export type IndicatorRules = {
  measure: "COUNT" | "PERCENTAGE" | "MEAN" | "QUALITATIVE";
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

  const needsSample =
    indicator.measure === "MEAN" || (indicator.measure === "PERCENTAGE" && indicator.source === "SURVEY");
  if (needsSample && (input.sampleSize === null || input.sampleSize === undefined)) add("sampleSize", "required");
  // Weighted survey figures (a sum of weights given) are fractions of people: a share's numerator and
  // denominator are sums of weights, its sample size Kish's effective n. Otherwise they count people.
  const weighted = input.weightSum != null;
  if (weighted && !needsSample) add("weightSum", "notWeighted");
  if (!weighted && input.sampleSize != null && !Number.isInteger(input.sampleSize)) add("sampleSize", "wholeNumber");
  if (indicator.measure === "COUNT") {
    const whole = indicator.wholeNumbers ?? countsWholeThings(indicator.unit);
    if (input.value === null || input.value === undefined) add("value", "required");
    else if (whole && !Number.isInteger(input.value)) add("value", "wholeNumber");
    else if (input.value < 0) add("value", "negative");
  }
  if (indicator.measure === "MEAN" && (input.value === null || input.value === undefined)) add("value", "required");
  if ((indicator.measure === "COUNT" || indicator.measure === "MEAN") && typeof input.value === "number") {
    if (indicator.minValue != null && input.value < indicator.minValue) add("value", "belowMin");
    if (indicator.maxValue != null && input.value > indicator.maxValue) add("value", "aboveMax");
    if (indicator.measure === "MEAN" && indicator.wholeNumbers && !Number.isInteger(input.value))
      add("value", "wholeNumber");
  }
  if (indicator.measure === "PERCENTAGE") {
    const { numerator: n, denominator: d } = input;
    // Numerators and denominators count people or things: whole numbers.
    if (n === null || n === undefined) add("numerator", "required");
    else if (n < 0) add("numerator", "negative");
    else if (!weighted && !Number.isInteger(n)) add("numerator", "wholeNumber");
    if (d === null || d === undefined) add("denominator", "required");
    else if (d <= 0) add("denominator", "notPositive");
    else if (!weighted && !Number.isInteger(d)) add("denominator", "wholeNumber");
    else if (weighted && input.weightSum !== d) add("weightSum", "notTheDenominator");
    if (n != null && d != null && n > d) add("numerator", "greaterThanDenominator");
  }
  if (indicator.measure === "QUALITATIVE" && !input.textValue) add("textValue", "required");
  return problems;
}
