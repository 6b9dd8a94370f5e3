// placesOverTime (the library roll-up's per-period figures) gives, for every period and round, exactly the
// places a summary of that one time gives (summarizeIndicator with rootTimeId, depth "places").
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { propertyRuns } from "@/lib/testing/budgets";
import { day, definition, engineContext, quarters, target } from "@/lib/testing/engine";
import { resultPartial } from "@/lib/testing/partials";
import type { OptionPartial } from "./composition";
import { type IndicatorDefinition, placesOverTime, type SummaryTarget, summarizeIndicator } from "./summarize";

const rounds = [
  { id: "r1", kind: "round" as const, label: "Baseline", startDate: day("2021-01-01"), endDate: day("2021-02-15") },
  { id: "r2", kind: "round" as const, label: "Endline", startDate: day("2021-11-01"), endDate: day("2021-12-15") },
];
const times = [...quarters, ...rounds];
const endOf = (timeId: string) => times.find((t) => t.id === timeId)!.endDate;
const partial = (locationId: string, timeId: string, fields: Partial<OptionPartial>) =>
  resultPartial(locationId, timeId, endOf(timeId), fields);
const sex = {
  id: "sex",
  key: "sex",
  name: "Sex",
  options: [
    { id: "f", key: "female", name: "Female" },
    { id: "m", key: "male", name: "Male" },
  ],
};
// A country with two regions, and a second country without regions.
const locations = [...engineContext.locations, { id: "D", name: "Other", isoCode: "DD", parentId: null }];
const asOfDays = ["2021-05-15", "2021-08-01", "2022-01-01"];

/** Every time's places both ways, for each as-of day: the same figures, field for field. */
function expectSameFigures(def: IndicatorDefinition, partials: OptionPartial[], targets: SummaryTarget[]) {
  let compared = 0;
  for (const asOf of asOfDays) {
    const ctx = { ...engineContext, locations, times, asOf: day(asOf), depth: "places" as const };
    const placesAt = placesOverTime(def, partials, targets, ctx);
    for (const time of times) {
      const own = summarizeIndicator(def, partials, targets, { ...ctx, rootTimeId: time.id });
      expect(placesAt(time.id), `${time.id} as of ${asOf}`).toStrictEqual(own.byLocation);
      compared += own.byLocation.length;
    }
  }
  return compared;
}

describe("placesOverTime", () => {
  test("each period's places equal that period's summary: counts (cumulative or not), options, own values, targets", () => {
    const partials = [
      partial("A", "q1", { value: 10 }),
      partial("A", "q1", { optionId: "f", value: 6 }),
      partial("A", "q1", { optionId: "m", value: 4 }),
      partial("B", "q1", { value: 7 }),
      partial("A", "q2", { value: 15 }),
      partial("B", "q2", { value: 3, resultCount: 2 }),
      partial("B", "q2", { optionId: "f", value: 3 }),
      // The country's own values beside its regions (rule 11), in one period only.
      partial("C", "q2", { value: 5 }),
      partial("A", "q3", { value: 20 }),
      partial("D", "q3", { value: 9 }),
      partial("D", "q4", { value: 11 }),
    ];
    const targets = [
      target({ value: 200 }),
      target({ periodId: "q1", locationId: "A", value: 12 }),
      target({ periodId: "q1", locationId: "B", value: 8 }),
      target({ periodId: "q2", locationId: "C", value: 30 }),
      target({ periodId: "q3", value: 50 }),
      target({ periodId: "q3", locationId: "A", optionId: "f", value: 10 }),
      target({ locationId: "D", value: 40 }),
    ];
    let compared = 0;
    for (const timeRule of ["NON_CUMULATIVE", "CUMULATIVE"] as const) {
      compared += expectSameFigures(definition({ timeRule, dimensions: [sex] }), partials, targets);
    }
    expect(compared).toBe(2 * asOfDays.length * times.length * locations.length);
    // The comparison covers figures with values, period targets and a country's own values.
    const ctx = { ...engineContext, locations, times, depth: "places" as const };
    const q2 = placesOverTime(definition({ dimensions: [sex] }), partials, targets, ctx)("q2");
    const country = q2.find((l) => l.id === "C")!;
    expect(country).toMatchObject({ actual: 23, target: 30, explanation: { target: "explicit" } });
    expect(country.unassigned).toMatchObject({ actual: 5, target: null });
    const q1 = placesOverTime(definition(), partials, targets, ctx)("q1");
    expect(q1.find((l) => l.id === "C")).toMatchObject({ actual: 17, target: 20 });
    expect(q1.find((l) => l.id === "C")?.unassigned).toMatchObject({ actual: null });
  });

  test("percentages, and a survey's rounds, are the same as each round's summary", () => {
    const percentages = [
      partial("A", "q1", { numerator: 3, denominator: 10 }),
      partial("B", "q2", { numerator: 5, denominator: 8 }),
      partial("C", "q2", { numerator: 1, denominator: 4 }),
      partial("A", "q2", { optionId: "f", numerator: 2, denominator: 5 }),
    ];
    const shareTargets = [target({ periodId: "q2", locationId: "B", value: 50, numerator: 4, denominator: 8 })];
    expectSameFigures(definition({ measure: "PERCENTAGE", dimensions: [sex] }), percentages, shareTargets);
    const survey = [
      partial("A", "r1", { numerator: 30, denominator: 100, sampleSize: 100 }),
      partial("B", "r2", { numerator: 60, denominator: 120, sampleSize: 120 }),
    ];
    const roundTargets = [target({ roundId: "r2", value: 55 }), target({ roundId: "r1", locationId: "A", value: 25 })];
    expectSameFigures(definition({ measure: "PERCENTAGE", source: "SURVEY" }), survey, roundTargets);
  });

  test("any values and period targets: every period's places equal its summary's", propertyRuns, () => {
    const cell = fc.record({
      location: fc.constantFrom("A", "B", "C", "D"),
      time: fc.constantFrom("q1", "q2", "q3", "q4"),
      option: fc.constantFrom(null, "f", "m"),
      value: fc.integer({ min: 0, max: 500 }),
    });
    const periodTarget = fc.record({
      location: fc.constantFrom(null, "A", "B", "C", "D"),
      time: fc.constantFrom("q1", "q2", "q3", "q4"),
      value: fc.integer({ min: 1, max: 500 }),
    });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 25 }),
        fc.array(periodTarget, { maxLength: 6 }),
        fc.constantFrom("NON_CUMULATIVE" as const, "CUMULATIVE" as const),
        (cells, periodTargets, timeRule) => {
          const partials = cells.map((c) => partial(c.location, c.time, { optionId: c.option, value: c.value }));
          const targets = periodTargets.map((t) =>
            target({ locationId: t.location, periodId: t.time, value: t.value }),
          );
          expectSameFigures(definition({ timeRule, dimensions: [sex] }), partials, targets);
        },
      ),
      { numRuns: 50 },
    );
  });
});
