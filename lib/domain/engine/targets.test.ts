import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { propertyRuns } from "@/lib/testing/budgets";
import { achievement, baselineValue, combineTargets, lifeOfProjectTarget } from "./targets";

const t = (value: number | null, numerator: number | null = null, denominator: number | null = null) => ({
  value,
  numerator,
  denominator,
});

describe("combineTargets", () => {
  test("count targets of the Roma project's countries add up to 26,150", () => {
    expect(combineTargets("COUNT", [t(8700), t(11450), t(6000)]).value).toBe(26150);
  });

  test("percentage targets are weighted by their denominators (rule 2)", () => {
    // 60% of 80 and 20% of 20: weighted 52%, while the mean of percentages would be 40%.
    expect(combineTargets("PERCENTAGE", [t(null, 48, 80), t(null, 4, 20)]).value).toBeCloseTo(52, 10);
  });

  test("percentage targets without counts, and mean targets, count equally (rule 2)", () => {
    expect(combineTargets("PERCENTAGE", [t(60), t(40)]).value).toBe(50);
    expect(combineTargets("PERCENTAGE", [t(60), t(null, 4, 20)]).value).toBe(40);
    expect(combineTargets("PERCENTAGE", [t(85)]).value).toBe(85);
    expect(combineTargets("MEAN", [t(3), t(4)]).value).toBe(3.5);
    expect(combineTargets("MEAN", [t(3), t(null)]).value).toBeNull();
  });
});

describe("lifeOfProjectTarget (rule 4)", () => {
  test("an explicit target wins", () => {
    expect(lifeOfProjectTarget("COUNT", "NON_CUMULATIVE", t(100), [t(10), t(20)]).value).toBe(100);
  });
  test("non-cumulative: sum of period targets", () => {
    expect(lifeOfProjectTarget("COUNT", "NON_CUMULATIVE", null, [t(10), t(20)]).value).toBe(30);
  });
  test("cumulative: the last period target", () => {
    expect(lifeOfProjectTarget("COUNT", "CUMULATIVE", null, [t(10), t(20)]).value).toBe(20);
  });
});

describe("achievement (rule 5)", () => {
  test("from baseline to target for increasing indicators", () => {
    expect(achievement("INCREASE", 50, 60, 40)).toBeCloseTo(0.5, 10);
  });
  test("decreasing indicators measure the way down", () => {
    expect(achievement("DECREASE", 30, 20, 40)).toBeCloseTo(0.5, 10);
  });
  test("is not capped: over-achievement stays above 1", () => {
    expect(achievement("INCREASE", 150, 100, 0)).toBe(1.5);
  });
  test("undefined when target equals baseline", () => {
    expect(achievement("INCREASE", 5, 10, 10)).toBeNull();
  });
  test("decreasing indicators mirror increasing ones", propertyRuns, () => {
    const n = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(n, n, n, (a, target, base) => {
        fc.pre(target !== base);
        const up = achievement("INCREASE", a, target, base);
        const down = achievement("DECREASE", -a, -target, -base);
        expect(down).toBeCloseTo(up ?? Number.NaN, 9);
      }),
    );
  });
  test("a percentage baseline comes from its counts", () => {
    expect(baselineValue("PERCENTAGE", { value: null, numerator: 141, denominator: 380 })).toBeCloseTo(37.105, 2);
  });
});
