// The rules of docs/numbers.md as examples and as properties over generated indicators: each
// property names the defect it would have caught.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { propertyRuns } from "@/lib/testing/budgets";
import { day, definition, engineContext, partial, quarters, target } from "@/lib/testing/engine";
import { actual } from "./aggregate";
import type { OptionPartial } from "./composition";
import { elapsedShare, hasEnded } from "./days";
import { type SummaryTarget, type SummaryTime, summarizeIndicator } from "./summarize";
import type { Direction, Measure, TimeRule } from "./types";

const d = day;
const dayMs = 86_400_000;
const context = engineContext;

const at = (iso: string) => ({ ...context, asOf: d(iso) });

describe("rates and means with period targets (rule 6)", () => {
  test("quarterly targets of 80 % met exactly are on track after two quarters, expected 80 %, not 160 %", () => {
    const targets = quarters.map((q) => target({ periodId: q.id, value: 80 }));
    const partials = ["q1", "q2"].map((q) => partial("A", q, { numerator: 80, denominator: 100 }));
    const s = summarizeIndicator(definition({ measure: "PERCENTAGE" }), partials, targets, at("2021-07-15"));
    expect(s.overall).toMatchObject({ actual: 80, expectedToDate: 80, status: "onTrack" });
  });

  test("means too: targets of 3.5 met exactly expect 3.5", () => {
    const targets = quarters.map((q) => target({ periodId: q.id, value: 3.5 }));
    const partials = ["q1", "q2"].map((q) => partial("A", q, { weightedValue: 350, sampleSize: 100 }));
    const s = summarizeIndicator(definition({ measure: "MEAN" }), partials, targets, at("2021-07-15"));
    expect(s.overall).toMatchObject({ actual: 3.5, expectedToDate: 3.5, status: "onTrack" });
  });

  test("percentage period targets with counts are weighted by their denominators", () => {
    const targets = [
      target({ periodId: "q1", numerator: 40, denominator: 50 }),
      target({ periodId: "q2", numerator: 60, denominator: 150 }),
    ];
    const s = summarizeIndicator(definition({ measure: "PERCENTAGE" }), [], targets, at("2021-07-01"));
    expect(s.overall.expectedToDate).toBeCloseTo(50, 10);
  });
});

describe("baselines (rule 5)", () => {
  test("a rate without a baseline is due in full from the start, not prorated from 0", () => {
    const targets = [target({ value: 80 })];
    const early = summarizeIndicator(
      definition({ measure: "PERCENTAGE" }),
      [partial("A", "q1", { numerator: 287, denominator: 1000 })],
      targets,
      at("2021-03-31"),
    );
    expect(early.overall).toMatchObject({ expectedToDate: 80, status: "offTrack" });
    expect(early.overall.explanation.expected).toBe("lifeOfProjectTarget");
    expect(early.overall.achievement).toBeCloseTo(28.7 / 80, 10);
  });

  test("a share to keep (85 % Roma) is expected at 85 % in the first half-year", () => {
    const s = summarizeIndicator(definition({ measure: "PERCENTAGE" }), [], [target({ value: 85 })], at("2021-06-30"));
    expect(s.overall.expectedToDate).toBe(85);
  });

  test("a rate with a baseline is prorated from it", () => {
    const s = summarizeIndicator(
      definition({ measure: "PERCENTAGE", baseline: { value: 40, numerator: null, denominator: null } }),
      [],
      [target({ value: 80 })],
      at("2021-12-31"),
    );
    expect(s.overall.expectedToDate).toBe(80);
  });

  test("no baseline is 0 in achievement as in status: never 'no achievement' beside 'on track'", propertyRuns, () => {
    const measure = fc.constantFrom<Measure>("COUNT", "PERCENTAGE", "MEAN");
    fc.assert(
      fc.property(measure, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (m, a, t) => {
        const values =
          m === "COUNT"
            ? { value: a }
            : m === "PERCENTAGE"
              ? { numerator: a, denominator: 1000 }
              : { weightedValue: a * 10, sampleSize: 10 };
        const s = summarizeIndicator(
          definition({ measure: m }),
          [partial("A", "q1", values)],
          [target({ value: t })],
          at("2021-12-31"),
        );
        const zero = summarizeIndicator(
          definition({ measure: m, baseline: { value: 0, numerator: null, denominator: null } }),
          [partial("A", "q1", values)],
          [target({ value: t })],
          at("2021-12-31"),
        );
        expect(s.overall.achievement).not.toBeNull();
        expect(s.overall.achievement).toBe(zero.overall.achievement);
        expect(s.overall.status).toBe(zero.overall.status);
      }),
    );
  });
});

describe("values at a place with sub-places (rule 11)", () => {
  const partials = [
    partial("C", "q1", { value: 30 }),
    partial("A", "q1", { value: 5 }),
    partial("B", "q2", { value: 7 }),
  ];

  test("count in that place and above, and show as their own row", () => {
    const s = summarizeIndicator(definition(), partials, [], context);
    expect(s.overall.actual).toBe(42);
    const country = s.byLocation.find((l) => l.id === "C");
    expect(country?.actual).toBe(42);
    expect(country?.unassigned?.actual).toBe(30);
    expect(country?.unassigned?.target).toBeNull();
    expect(s.byLocation.find((l) => l.id === "A")?.unassigned).toBeNull();
    expect(s.overall.explanation.locationIds).toEqual(["A", "B", "C"]);
  });

  test("disaggregations show them beside the regions", () => {
    const dimension = { id: "sex", key: "sex", name: "Sex", options: [{ id: "f", key: "female", name: "Female" }] };
    const s = summarizeIndicator(
      definition({ dimensions: [dimension] }),
      [...partials, partial("C", "q1", { optionId: "f", value: 20 })],
      [],
      context,
    );
    const female = s.byDimension[0]?.options[0];
    expect(female?.actual).toBe(20);
    expect(female?.byLocation.find((l) => l.unassigned)).toMatchObject({ locationId: "C", actual: 20 });
    expect(s.byDimension[0]?.notReportedByLocation.find((l) => l.unassigned)).toMatchObject({ value: 10 });
  });

  test("a place's figure is its own values combined with its sub-places', for every measure", propertyRuns, () => {
    const measure = fc.constantFrom<Measure>("COUNT", "PERCENTAGE", "MEAN");
    const timeRule = fc.constantFrom<TimeRule>("NON_CUMULATIVE", "CUMULATIVE");
    const cell = fc.record({
      location: fc.constantFrom("C", "A", "B"),
      time: fc.constantFrom("q1", "q2", "q3", "q4"),
      n: fc.integer({ min: 1, max: 500 }),
      k: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(
        measure,
        timeRule,
        fc.uniqueArray(cell, { selector: (c) => `${c.location}${c.time}` }),
        (m, r, cells) => {
          const generated = cells.map((c) =>
            partial(c.location, c.time, {
              value: c.k,
              numerator: Math.min(c.k, c.n),
              denominator: c.n,
              weightedValue: c.k * c.n,
              sampleSize: c.n,
            }),
          );
          const s = summarizeIndicator(definition({ measure: m, timeRule: r }), generated, [], context);
          const expected = actual(m, r, generated);
          expect(s.overall.actual).toBe(expected.value);
          expect(s.byLocation.find((l) => l.id === "C")?.actual).toBe(expected.value);
          const own = actual(
            m,
            r,
            generated.filter((p) => p.locationId === "C"),
          );
          expect(s.byLocation.find((l) => l.id === "C")?.unassigned?.actual ?? null).toBe(own.value);
        },
      ),
    );
  });
});

describe("the as-of date (rules 10 and 11)", () => {
  test("reaches the trajectory: nothing after it is drawn", () => {
    const partials = quarters.map((q) => partial("A", q.id, { value: 10 }));
    const s = summarizeIndicator(definition(), partials, [], at("2021-06-30"));
    expect(s.byTime.map((t) => t.toDate.actual)).toEqual([10, 20, null, null]);
    expect(s.byTime.map((t) => t.actual)).toEqual([10, 10, null, null]);
  });

  test("nothing after the as-of date changes any figure of a view", propertyRuns, () => {
    const measure = fc.constantFrom<Measure>("COUNT", "PERCENTAGE", "MEAN", "QUALITATIVE");
    const asOf = fc.integer({ min: 0, max: 400 }).map((n) => new Date(d("2020-12-15").getTime() + n * dayMs));
    const later = fc.array(
      fc.record({ location: fc.constantFrom("C", "A", "B"), q: fc.integer({ min: 0, max: 3 }), v: fc.nat(100) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(measure, asOf, later, (m, when, extra) => {
        const base = [partial("A", "q1", { value: 5, numerator: 1, denominator: 2, weightedValue: 10, sampleSize: 2 })];
        const targets = quarters.map((q) => target({ periodId: q.id, value: 10 }));
        const after = extra
          .map((e) => quarters[e.q] as SummaryTime)
          .filter((q) => q.startDate.getTime() > when.getTime())
          .map((q) => partial("B", q.id, { value: 9, numerator: 3, denominator: 4, weightedValue: 8, sampleSize: 4 }));
        const ctx = { ...context, asOf: when };
        const narrative = (timeId: string) => ({ locationId: "A", timeId, optionId: null, text: "later" });
        const one = summarizeIndicator(definition({ measure: m }), base, targets, ctx);
        const two = summarizeIndicator(
          definition({ measure: m }),
          [...base, ...after],
          targets,
          ctx,
          after.map((p) => narrative(p.timeId)),
        );
        expect(two).toEqual(one);
      }),
    );
  });
});

describe("day boundaries (rule 10)", () => {
  test("the full life-of-project target falls due on the project's last day, not the day before", () => {
    const s = (iso: string) => summarizeIndicator(definition(), [], [target({ value: 365 })], at(iso));
    expect(s("2021-12-31").overall.expectedToDate).toBe(365);
    expect(s("2021-12-30").overall.expectedToDate).toBe(364);
    expect(s("2021-01-01").overall.expectedToDate).toBe(1);
    expect(s("2020-12-31").overall.expectedToDate).toBeNull();
  });

  test("a period has ended on its last day, and counts from its first", () => {
    const targets = quarters.map((q) => target({ periodId: q.id, value: 10 }));
    const s = (iso: string) => summarizeIndicator(definition(), [partial("A", "q2", { value: 4 })], targets, at(iso));
    expect(s("2021-03-30").overall.expectedToDate).toBeNull();
    expect(s("2021-03-31").overall.expectedToDate).toBe(10);
    expect(s("2021-03-31").overall.actual).toBeNull();
    expect(s("2021-04-01").overall.actual).toBe(4);
  });

  test("29 February is a day like any other", () => {
    const leap = { start: d("2024-02-01"), end: d("2024-02-29") };
    expect(elapsedShare(leap.start, leap.end, d("2024-02-29"))).toBe(1);
    expect(elapsedShare(leap.start, leap.end, d("2024-02-28"))).toBeCloseTo(28 / 29, 12);
    expect(hasEnded(leap.end, d("2024-02-29"))).toBe(true);
    expect(hasEnded(leap.end, new Date("2024-02-28T23:59:59Z"))).toBe(false);
  });

  test("a time of day within D is read as D", () => {
    const s = (asOf: Date) => summarizeIndicator(definition(), [], [target({ value: 365 })], { ...context, asOf });
    expect(s(new Date("2021-12-31T00:00:01Z")).overall).toEqual(s(new Date("2021-12-31T23:59:59Z")).overall);
  });
});

describe("meeting every period target exactly is on track at every as-of date", () => {
  const measure = fc.constantFrom<Measure>("COUNT", "PERCENTAGE", "MEAN");
  const timeRule = fc.constantFrom<TimeRule>("NON_CUMULATIVE", "CUMULATIVE");
  const direction = fc.constantFrom<Direction>("INCREASE", "DECREASE");
  const asOf = fc.integer({ min: -30, max: 400 }).map((n) => new Date(d("2021-01-01").getTime() + n * dayMs));
  // Per region and quarter, the target's counts; an actual that meets it has the same share at a
  // common scale (so the weights of rule 2 and of rule 1 agree).
  const plan = fc.array(fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 4, maxLength: 4 }), {
    minLength: 2,
    maxLength: 2,
  });

  test("for every measure, time rule and direction", propertyRuns, () => {
    fc.assert(
      fc.property(
        measure,
        timeRule,
        direction,
        asOf,
        plan,
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (m, r, dir, when, shares, scale, withCounts) => {
          const regions = ["A", "B"];
          const targets: SummaryTarget[] = [];
          const partials: OptionPartial[] = [];
          regions.forEach((region, i) => {
            quarters.forEach((q, j) => {
              const share = shares[i]?.[j] ?? 1;
              if (m === "PERCENTAGE" && withCounts) {
                targets.push(target({ periodId: q.id, locationId: region, numerator: share, denominator: 100 }));
              } else {
                targets.push(target({ periodId: q.id, locationId: region, value: share }));
              }
              partials.push(
                partial(region, q.id, {
                  value: share,
                  numerator: share * scale,
                  denominator: 100 * scale,
                  weightedValue: share * 10,
                  sampleSize: 10,
                }),
              );
            });
          });
          // Counts of a non-cumulative indicator add up per period; the others keep the plan as it is.
          const baselineFor = dir === "DECREASE" ? 100 : 0;
          const s = summarizeIndicator(
            definition({
              measure: m,
              timeRule: r,
              direction: dir,
              baseline: { value: baselineFor, numerator: null, denominator: null },
            }),
            dir === "DECREASE" ? partials.map((p) => negate(p, baselineFor)) : partials,
            dir === "DECREASE" ? targets.map((t) => negateTarget(t, baselineFor)) : targets,
            { ...context, asOf: when },
          );
          for (const figure of [s.overall, ...s.byLocation]) {
            expect(["onTrack", "notYetDue"]).toContain(figure.status);
            if (hasEnded(quarters[0]?.endDate ?? when, when)) expect(figure.status).toBe("onTrack");
          }
        },
      ),
    );
  });

  // A decreasing indicator that mirrors an increasing one: the same distances below its baseline.
  function negate(p: OptionPartial, base: number): OptionPartial {
    return {
      ...p,
      value: p.value === null ? null : base - p.value,
      numerator: p.numerator === null || p.denominator === null ? null : p.denominator - p.numerator,
      weightedValue:
        p.weightedValue === null || p.sampleSize === null
          ? null
          : (base - p.weightedValue / p.sampleSize) * p.sampleSize,
    };
  }
  function negateTarget(t: SummaryTarget, base: number): SummaryTarget {
    return {
      ...t,
      value: t.value === null ? null : base - t.value,
      numerator: t.numerator === null || t.denominator === null ? null : t.denominator - t.numerator,
    };
  }
});

describe("expected-to-date never decreases as the as-of date moves later", () => {
  test("counts, and any measure prorated towards a target above its baseline", propertyRuns, () => {
    const measure = fc.constantFrom<Measure>("COUNT", "PERCENTAGE", "MEAN");
    const days = fc.tuple(fc.integer({ min: -30, max: 400 }), fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(
        measure,
        fc.option(fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: 50, max: 1000 }),
        fc.boolean(),
        days,
        (m, base, t, byPeriod, [first, step]) => {
          const targets =
            byPeriod && m === "COUNT"
              ? quarters.map((q) => target({ periodId: q.id, value: t }))
              : [target({ value: t })];
          const def = definition({ measure: m, baseline: { value: base, numerator: null, denominator: null } });
          const expectedAt = (n: number) =>
            summarizeIndicator(def, [], targets, { ...context, asOf: new Date(d("2021-01-01").getTime() + n * dayMs) })
              .overall.expectedToDate ?? Number.NEGATIVE_INFINITY;
          expect(expectedAt(first + step)).toBeGreaterThanOrEqual(expectedAt(first));
        },
      ),
    );
  });
});
