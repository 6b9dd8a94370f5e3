import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { propertyRuns } from "@/lib/testing/budgets";
import { day, definition, engineContext, partial, quarters, target } from "@/lib/testing/engine";
import { summarizeIndicator } from "./summarize";

const d = day;
const context = engineContext;

describe("summarizeIndicator", () => {
  test("period targets give the life-of-project target and expected-to-date (rules 4 and 6)", () => {
    const targets = quarters.map((q) => target({ periodId: q.id, value: 100 }));
    const partials = [
      partial("A", "q1", { value: 60 }),
      partial("B", "q1", { value: 50 }),
      partial("A", "q2", { value: 40 }),
    ];
    const s = summarizeIndicator(definition(), partials, targets, { ...context, asOf: d("2021-07-15") });
    expect(s.overall).toMatchObject({ target: 400, actual: 150, expectedToDate: 200, status: "atRisk" });
    expect(s.overall.explanation).toMatchObject({ target: "derivedFromPeriods", expected: "endedPeriodTargets" });
    expect(s.byTime.map((t) => [t.actual, t.target, t.status])).toEqual([
      [110, 100, "onTrack"],
      [40, 100, "offTrack"],
      [null, 100, "notYetDue"],
      [null, 100, "notYetDue"],
    ]);
  });

  test("regions roll up into their country", () => {
    const partials = [partial("A", "q1", { value: 5 }), partial("B", "q1", { value: 7 })];
    const targets = [target({ locationId: "A", value: 10 }), target({ locationId: "B", value: 10 })];
    const s = summarizeIndicator(definition(), partials, targets, context);
    const country = s.byLocation.find((l) => l.id === "C");
    expect(country).toMatchObject({ actual: 12, target: 20 });
    expect(country?.explanation.target).toBe("combinedFromLocations");
  });

  test("no data is never zero", () => {
    const s = summarizeIndicator(definition(), [], [target({ value: 10 })], context);
    expect(s.overall.actual).toBeNull();
    expect(s.overall.status).toBe("noData");
    expect(summarizeIndicator(definition(), [], [], context).overall.status).toBe("noTarget");
  });

  test("percentage targets without denominators count equally across regions (rule 2) and are flagged", () => {
    const targets = [target({ locationId: "A", value: 60 }), target({ locationId: "B", value: 40 })];
    const s = summarizeIndicator(definition({ measure: "PERCENTAGE" }), [], targets, context);
    expect(s.overall.target).toBe(50);
    expect(s.warnings).toEqual([{ code: "percentageTargetsWithoutDenominators", locationIds: ["A", "B"] }]);
    // The same share everywhere (85 % Roma in every country) combines to itself: nothing to say.
    const same = [target({ locationId: "A", value: 85 }), target({ locationId: "B", value: 85 })];
    const quiet = summarizeIndicator(definition({ measure: "PERCENTAGE" }), [], same, context);
    expect(quiet.overall.target).toBe(85);
    expect(quiet.warnings).toEqual([]);
    // Different shares in different periods are no reason either: each period's regions agree.
    const byPeriod = [
      target({ locationId: "A", periodId: "q1", value: 80 }),
      target({ locationId: "B", periodId: "q1", value: 80 }),
      target({ locationId: "A", periodId: "q2", value: 85 }),
      target({ locationId: "B", periodId: "q2", value: 85 }),
    ];
    expect(summarizeIndicator(definition({ measure: "PERCENTAGE" }), [], byPeriod, context).warnings).toEqual([]);
  });

  test("disaggregated values larger than the total are flagged", () => {
    const dimension = { id: "sex", key: "sex", name: "Sex", options: [{ id: "f", key: "female", name: "Female" }] };
    const partials = [partial("A", "q1", { value: 10 }), partial("A", "q1", { optionId: "f", value: 12 })];
    const s = summarizeIndicator(definition({ dimensions: [dimension] }), partials, [], context);
    expect(s.byDimension[0]?.notReported).toBe(-2);
    expect(s.warnings).toEqual([
      { code: "disaggregationExceedsTotal", dimensionKey: "sex", total: 10, sumOfOptions: 12 },
    ]);
  });

  test(
    "the overall percentage is independent of how results are spread over regions and quarters",
    propertyRuns,
    () => {
      const cell = fc.record({
        location: fc.constantFrom("A", "B"),
        time: fc.constantFrom("q1", "q2", "q3", "q4"),
        den: fc.integer({ min: 1, max: 500 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      });
      fc.assert(
        fc.property(fc.array(cell, { minLength: 1, maxLength: 20 }), (cells) => {
          const partials = cells.map((c) =>
            partial(c.location, c.time, { numerator: Math.round(c.den * c.share), denominator: c.den }),
          );
          const s = summarizeIndicator(definition({ measure: "PERCENTAGE" }), partials, [], context);
          const num = partials.reduce((a, p) => a + (p.numerator ?? 0), 0);
          const den = partials.reduce((a, p) => a + (p.denominator ?? 0), 0);
          expect(s.overall.actual).toBeCloseTo((num / den) * 100, 9);
          const regional = s.byLocation.filter((l) => l.id !== "C");
          const fromRegions =
            regional.reduce((a, l) => a + (l.numerator ?? 0), 0) /
            regional.reduce((a, l) => a + (l.denominator ?? 0), 0);
          expect(s.overall.actual).toBeCloseTo(fromRegions * 100, 9);
        }),
      );
    },
  );

  test("a decreasing indicator's status mirrors the increasing one", propertyRuns, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (actual, expected) => {
        const up = summarizeIndicator(
          definition({ timeRule: "CUMULATIVE", baseline: { value: 0, numerator: null, denominator: null } }),
          [partial("A", "q4", { value: actual })],
          [target({ value: expected })],
          context,
        );
        const down = summarizeIndicator(
          definition({
            timeRule: "CUMULATIVE",
            direction: "DECREASE",
            baseline: { value: 0, numerator: null, denominator: null },
          }),
          [partial("A", "q4", { value: -actual })],
          [target({ value: -expected })],
          context,
        );
        expect(down.overall.status).toBe(up.overall.status);
        expect(down.overall.achievement).toBeCloseTo(up.overall.achievement ?? Number.NaN, 9);
      }),
    );
  });
});
