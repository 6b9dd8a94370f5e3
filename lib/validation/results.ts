// What a result must look like: one zod schema for the shape (shared by forms and the API) and the
// rules that depend on the indicator (measure, source) and the project (periods, locations, options).
import { z } from "zod";
import { countsWholeThings } from "@/lib/indicators/units";

const count = z.number().finite();

export const resultInputSchema = z.object({
  indicatorId: z.string().min(1),
  periodId: z.string().min(1).nullish(),
  roundId: z.string().min(1).nullish(),
  locationId: z.string().min(1),
  optionId: z.string().min(1).nullish(),
  value: count.nullish(),
  numerator: count.nullish(),
  denominator: count.nullish(),
  sampleSize: z.number().int("wholeNumber").min(0, "negative").nullish(),
  textValue: z.string().trim().max(4000).nullish(),
  note: z.string().max(4000).optional(),
  evidenceUrl: z.string().url("url").nullish(),
  /** The version read before editing; required to change an existing result. */
  version: z.number().int().positive().optional(),
});

export type ResultInput = z.infer<typeof resultInputSchema>;

export type IndicatorRules = {
  measure: "COUNT" | "PERCENTAGE" | "MEAN" | "QUALITATIVE";
  source: "MONITORING" | "SURVEY";
  /** The unit: counts of people or things are whole, measured quantities (ha, km, USD) are not. */
  unit?: string;
  optionIds: Set<string>;
};

export type ProjectRules = { periodIds: Set<string>; roundIds: Set<string>; locationIds: Set<string> };

export type FieldProblem = { field: keyof ResultInput; code: string };

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
  if (indicator.measure === "COUNT") {
    if (input.value === null || input.value === undefined) add("value", "required");
    else if (countsWholeThings(indicator.unit) && !Number.isInteger(input.value)) add("value", "wholeNumber");
    else if (input.value < 0) add("value", "negative");
  }
  if (indicator.measure === "MEAN" && (input.value === null || input.value === undefined)) add("value", "required");
  if (indicator.measure === "PERCENTAGE") {
    const { numerator: n, denominator: d } = input;
    // Numerators and denominators count people or things: whole numbers.
    if (n === null || n === undefined) add("numerator", "required");
    else if (n < 0) add("numerator", "negative");
    else if (!Number.isInteger(n)) add("numerator", "wholeNumber");
    if (d === null || d === undefined) add("denominator", "required");
    else if (d <= 0) add("denominator", "notPositive");
    else if (!Number.isInteger(d)) add("denominator", "wholeNumber");
    if (n != null && d != null && n > d) add("numerator", "greaterThanDenominator");
  }
  if (indicator.measure === "QUALITATIVE" && !input.textValue) add("textValue", "required");
  return problems;
}
