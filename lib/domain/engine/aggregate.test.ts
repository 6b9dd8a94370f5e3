import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { propertyRuns } from "@/lib/testing/budgets";
import { resultPartial } from "@/lib/testing/partials";
import { actual, applyTimeRule, combine } from "./aggregate";
import type { ResultPartial } from "./types";

function partial(locationId: string, timeId: string, fields: Partial<ResultPartial>): ResultPartial {
  return resultPartial(locationId, timeId, new Date(`${timeId}T00:00:00Z`), fields);
}

describe("combine", () => {
  test("counts add up across locations and periods", () => {
    const rows = [
      partial("TUM", "2021-03-31", { value: 310 }),
      partial("TUM", "2021-06-30", { value: 420 }),
      partial("LIM", "2021-03-31", { value: 620 }),
    ];
    expect(combine("COUNT", rows).value).toBe(1350);
  });

  test("percentages are sum of numerators over sum of denominators, not the mean of percentages", () => {
    // 1/10 = 10% and 90/100 = 90%: the mean of percentages would be 50%.
    const rows = [
      partial("A", "2021-01-01", { numerator: 1, denominator: 10 }),
      partial("B", "2021-01-01", { numerator: 90, denominator: 100 }),
    ];
    const figure = combine("PERCENTAGE", rows);
    expect(figure.value).toBeCloseTo((91 / 110) * 100, 10);
    expect(figure).toMatchObject({ numerator: 91, denominator: 110 });
  });

  test("means are weighted by sample size", () => {
    const rows = [
      partial("A", "2021-01-01", { weightedValue: 3.0 * 100, sampleSize: 100 }),
      partial("B", "2021-01-01", { weightedValue: 5.0 * 300, sampleSize: 300 }),
    ];
    expect(combine("MEAN", rows).value).toBeCloseTo(4.5, 10);
  });

  test("no results is no data, never zero", () => {
    expect(combine("COUNT", []).value).toBeNull();
    expect(combine("PERCENTAGE", [partial("A", "2021-01-01", { numerator: 0, denominator: 0 })]).value).toBeNull();
  });

  test("qualitative indicators are never aggregated", () => {
    expect(combine("QUALITATIVE", [partial("A", "2021-01-01", { value: 3 })]).value).toBeNull();
  });
});

describe("time rule", () => {
  const rows = [
    partial("TUM", "2021-03-31", { value: 2 }),
    partial("TUM", "2021-06-30", { value: 4 }),
    partial("LIM", "2021-03-31", { value: 5 }),
  ];

  test("non-cumulative indicators sum their periods", () => {
    expect(actual("COUNT", "NON_CUMULATIVE", rows).value).toBe(11);
  });

  test("cumulative indicators take the latest value per location, summed across locations", () => {
    expect(actual("COUNT", "CUMULATIVE", rows).value).toBe(9);
    expect(
      applyTimeRule("CUMULATIVE", rows)
        .map((p) => p.timeId)
        .sort(),
    ).toEqual(["2021-03-31", "2021-06-30"]);
  });
});

const arbitraryPartials = fc.array(
  fc.record({
    locationId: fc.constantFrom("A", "B", "C"),
    day: fc.integer({ min: 0, max: 2000 }),
    value: fc.integer({ min: 0, max: 10_000 }),
    denominator: fc.integer({ min: 1, max: 1000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  { minLength: 1, maxLength: 30 },
);

function toPartials(rows: { locationId: string; day: number; value: number; denominator: number; share: number }[]) {
  return rows.map((r, i) => ({
    locationId: r.locationId,
    timeId: `t${r.day}-${i}`,
    timeEnd: new Date(Date.UTC(2020, 0, 1 + r.day)),
    value: r.value,
    numerator: Math.round(r.denominator * r.share),
    denominator: r.denominator,
    weightedValue: null,
    weight: r.denominator,
    weightSquares: r.denominator,
    sampleSize: r.denominator,
    resultCount: 1,
  }));
}

describe("properties", () => {
  test("aggregation does not depend on row order", propertyRuns, () => {
    fc.assert(
      fc.property(arbitraryPartials, fc.func(fc.integer()), (rows, key) => {
        const partials = toPartials(rows);
        const shuffled = [...partials].sort((a, b) => key(a.timeId) - key(b.timeId));
        for (const measure of ["COUNT", "PERCENTAGE"] as const) {
          expect(combine(measure, shuffled).value).toBeCloseTo(combine(measure, partials).value ?? Number.NaN, 9);
        }
      }),
    );
  });

  test("aggregating per location first, then across locations, gives the same percentage", propertyRuns, () => {
    fc.assert(
      fc.property(arbitraryPartials, (rows) => {
        const partials = toPartials(rows);
        const perLocation = ["A", "B", "C"]
          .map((loc) =>
            combine(
              "PERCENTAGE",
              partials.filter((p) => p.locationId === loc),
            ),
          )
          .filter((f) => f.denominator !== null)
          .map((f, i) => ({
            ...partials[0]!,
            locationId: String(i),
            numerator: f.numerator,
            denominator: f.denominator,
          }));
        const total = combine("PERCENTAGE", partials);
        const sumNum = partials.reduce((a, p) => a + (p.numerator ?? 0), 0);
        const sumDen = partials.reduce((a, p) => a + (p.denominator ?? 0), 0);
        expect(total.value).toBeCloseTo((sumNum / sumDen) * 100, 9);
        expect(combine("PERCENTAGE", perLocation).value).toBeCloseTo(total.value ?? Number.NaN, 9);
      }),
    );
  });

  test("adding a later period never lowers a cumulative count when values only grow", propertyRuns, () => {
    fc.assert(
      fc.property(
        arbitraryPartials,
        fc.constantFrom("A", "B", "C"),
        fc.integer({ min: 0, max: 100 }),
        (rows, loc, extra) => {
          const partials = toPartials(rows);
          const before = actual("COUNT", "CUMULATIVE", partials).value ?? 0;
          const latest = applyTimeRule("CUMULATIVE", partials).find((p) => p.locationId === loc);
          const later = {
            ...partials[0]!,
            locationId: loc,
            timeId: "later",
            timeEnd: new Date(Date.UTC(2030, 0, 1)),
            value: (latest?.value ?? 0) + extra,
          };
          expect(actual("COUNT", "CUMULATIVE", [...partials, later]).value).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
