import { describe, expect, test } from "vitest";
import { type IndicatorRules, type ProjectRules, resultProblems } from "@/lib/domain/validation/result-rules";
import { resultInputSchema } from "./results";

const project: ProjectRules = { periodIds: new Set(["q1"]), roundIds: new Set(["end"]), locationIds: new Set(["tum"]) };
const count: IndicatorRules = { measure: "COUNT", source: "MONITORING", optionIds: new Set(["female"]) };
const surveyPercent: IndicatorRules = { measure: "PERCENTAGE", source: "SURVEY", optionIds: new Set() };
const base = { indicatorId: "i", locationId: "tum" };

describe("resultProblems", () => {
  test("weighted survey figures are fractions only with their sum of weights, which is a share's denominator", () => {
    const at = (input: Record<string, number>) =>
      resultProblems({ ...base, roundId: "end", ...input }, surveyPercent, project).map((p) => `${p.field} ${p.code}`);
    expect(at({ numerator: 34.664, denominator: 56.994, sampleSize: 24.71 })).toEqual([
      "sampleSize wholeNumber",
      "numerator wholeNumber",
      "denominator wholeNumber",
    ]);
    expect(at({ numerator: 34.664, denominator: 56.994, sampleSize: 24.71, weightSum: 56.994 })).toEqual([]);
    expect(at({ numerator: 34.664, denominator: 56.994, sampleSize: 24.71, weightSum: 50 })).toEqual([
      "weightSum notTheDenominator",
    ]);
    expect(resultProblems({ ...base, periodId: "q1", value: 3, weightSum: 2 }, count, project)).toEqual([
      { field: "weightSum", code: "notWeighted" },
    ]);
  });

  test("an indicator's own rules: plausible bounds of counts and means, whole numbers set either way", () => {
    const bounded = { ...count, minValue: 10, maxValue: 500 };
    const at = (value: number) => ({ ...base, periodId: "q1", value });
    expect(resultProblems(at(9), bounded, project)).toEqual([{ field: "value", code: "belowMin" }]);
    expect(resultProblems(at(5000), bounded, project)).toEqual([{ field: "value", code: "aboveMax" }]);
    expect(resultProblems(at(500), bounded, project)).toEqual([]);
    // People are whole by their unit unless the indicator says otherwise (e.g. full-time equivalents).
    expect(resultProblems(at(2.5), { ...count, unit: "people", wholeNumbers: false }, project)).toEqual([]);
    expect(resultProblems(at(2.5), { ...count, unit: "ha", wholeNumbers: true }, project)).toEqual([
      { field: "value", code: "wholeNumber" },
    ]);
    const score = { measure: "MEAN" as const, source: "SURVEY" as const, optionIds: new Set<string>(), maxValue: 5 };
    expect(resultProblems({ ...base, roundId: "end", value: 7, sampleSize: 40 }, score, project)).toEqual([
      { field: "value", code: "aboveMax" },
    ]);
  });

  test("a count must be a whole number, not negative, in a known period, location and option", () => {
    expect(resultProblems({ ...base, periodId: "q1", value: 12 }, count, project)).toEqual([]);
    expect(resultProblems({ ...base, periodId: "q1", value: 1.5 }, count, project)).toEqual([
      { field: "value", code: "wholeNumber" },
    ]);
    expect(resultProblems({ ...base, periodId: "q1", value: -1 }, count, project)).toEqual([
      { field: "value", code: "negative" },
    ]);
    expect(
      resultProblems({ ...base, periodId: "q9", value: 1, optionId: "male", locationId: "lim" }, count, project),
    ).toEqual([
      { field: "periodId", code: "unknown" },
      { field: "locationId", code: "unknown" },
      { field: "optionId", code: "unknown" },
    ]);
  });

  test("counts of measured quantities take decimals; numerators and denominators are whole", () => {
    const hectares = { ...count, unit: "ha" };
    expect(resultProblems({ ...base, periodId: "q1", value: 12.5 }, hectares, project)).toEqual([]);
    expect(resultProblems({ ...base, periodId: "q1", value: 12.5 }, { ...count, unit: "USD" }, project)).toEqual([]);
    expect(resultProblems({ ...base, periodId: "q1", value: 12.5 }, { ...count, unit: "people" }, project)).toEqual([
      { field: "value", code: "wholeNumber" },
    ]);
    expect(
      resultProblems(
        { ...base, roundId: "end", numerator: 1.16, denominator: 2.5, sampleSize: 3 },
        surveyPercent,
        project,
      ),
    ).toEqual([
      { field: "numerator", code: "wholeNumber" },
      { field: "denominator", code: "wholeNumber" },
    ]);
  });

  test("a survey percentage needs its round, numerator <= denominator and a sample size", () => {
    expect(
      resultProblems(
        { ...base, roundId: "end", numerator: 49, denominator: 76, sampleSize: 76 },
        surveyPercent,
        project,
      ),
    ).toEqual([]);
    expect(resultProblems({ ...base, periodId: "q1", numerator: 80, denominator: 76 }, surveyPercent, project)).toEqual(
      [
        { field: "roundId", code: "required" },
        { field: "periodId", code: "notForSurvey" },
        { field: "sampleSize", code: "required" },
        { field: "numerator", code: "greaterThanDenominator" },
      ],
    );
  });

  test("means need a sample size; qualitative results need text", () => {
    const mean: IndicatorRules = { measure: "MEAN", source: "SURVEY", optionIds: new Set() };
    expect(resultProblems({ ...base, roundId: "end", value: 3.1 }, mean, project)).toEqual([
      { field: "sampleSize", code: "required" },
    ]);
    const text: IndicatorRules = { measure: "QUALITATIVE", source: "MONITORING", optionIds: new Set() };
    expect(resultProblems({ ...base, periodId: "q1" }, text, project)).toEqual([
      { field: "textValue", code: "required" },
    ]);
  });
});

test("the shape check names the field that is not a number", () => {
  const parsed = resultInputSchema.safeParse({ ...base, periodId: "q1", value: "twelve" });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.path).toEqual(["value"]);
});
