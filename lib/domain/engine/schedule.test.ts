import { describe, expect, test } from "vitest";
import { elapsedShare } from "./days";
import { expectedToDate, progressAgainst, status } from "./schedule";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const project = { start: d("2020-01-01"), end: d("2022-12-31") };

describe("expected to date (rule 6)", () => {
  const count = (value: number) => ({ value, numerator: null, denominator: null });
  const quarters = [
    { endDate: d("2020-03-31"), value: count(100) },
    { endDate: d("2020-06-30"), value: count(150) },
    { endDate: d("2020-09-30"), value: count(200) },
  ];

  test("sum of the targets of periods already ended", () => {
    const e = expectedToDate({
      measure: "COUNT",
      cumulative: false,
      periodTargets: quarters,
      lifeOfProject: 450,
      baseline: 0,
      project,
      asOf: d("2020-07-15"),
    });
    expect(e).toEqual({ value: 250, source: "endedPeriodTargets" });
  });

  test("cumulative indicators expect the latest ended period's target", () => {
    const e = expectedToDate({
      measure: "COUNT",
      cumulative: true,
      periodTargets: quarters,
      lifeOfProject: 200,
      baseline: 0,
      project,
      asOf: d("2020-07-15"),
    });
    expect(e?.value).toBe(150);
  });

  test("nothing is due before the first period ends", () => {
    expect(
      expectedToDate({
        measure: "COUNT",
        cumulative: false,
        periodTargets: quarters,
        lifeOfProject: 450,
        baseline: 0,
        project,
        asOf: d("2020-03-30"),
      }),
    ).toBeNull();
  });

  test("without period targets, the life-of-project target prorated by elapsed time from the baseline", () => {
    const asOf = d("2021-07-02"); // half-way through the project
    const e = expectedToDate({
      measure: "COUNT",
      cumulative: false,
      periodTargets: [],
      lifeOfProject: 26150,
      baseline: 0,
      project,
      asOf,
    });
    expect(e?.source).toBe("proratedLifeOfProject");
    expect(e?.value).toBeCloseTo(26150 * elapsedShare(project.start, project.end, asOf), 9);
    expect(elapsedShare(project.start, project.end, asOf)).toBeCloseTo(0.5, 2);
    const fromBaseline = expectedToDate({
      measure: "COUNT",
      cumulative: true,
      periodTargets: [],
      lifeOfProject: 60,
      baseline: 40,
      project,
      asOf,
    });
    expect(fromBaseline?.value).toBeCloseTo(40 + 20 * elapsedShare(project.start, project.end, asOf), 9);
  });
});

describe("status (rule 7)", () => {
  const base = { measure: "COUNT" as const, direction: "INCREASE" as const, hasTarget: true, baseline: 0 };
  test("thresholds of 90% and 75% of expected by default", () => {
    expect(status({ ...base, expected: 100, actual: 90 })).toBe("onTrack");
    expect(status({ ...base, expected: 100, actual: 89.9 })).toBe("atRisk");
    expect(status({ ...base, expected: 100, actual: 75 })).toBe("atRisk");
    expect(status({ ...base, expected: 100, actual: 74 })).toBe("offTrack");
  });
  test("per-project thresholds", () => {
    expect(status({ ...base, expected: 100, actual: 85, thresholds: { onTrack: 0.8, atRisk: 0.5 } })).toBe("onTrack");
  });
  test("distinct states: no target, not yet due, no data — never zero", () => {
    expect(status({ ...base, hasTarget: false, expected: null, actual: 5 })).toBe("noTarget");
    expect(status({ ...base, expected: null, actual: null })).toBe("notYetDue");
    expect(status({ ...base, expected: 50, actual: null })).toBe("noData");
    expect(status({ ...base, measure: "QUALITATIVE", expected: 1, actual: 1 })).toBe("notAssessed");
  });
  test("decreasing indicators are on track when they fall as expected", () => {
    expect(progressAgainst("DECREASE", 30, 20, 40)).toBeCloseTo(0.5, 10);
    expect(status({ ...base, direction: "DECREASE", baseline: 40, expected: 20, actual: 21 })).toBe("onTrack");
    expect(status({ ...base, direction: "DECREASE", baseline: 40, expected: 20, actual: 38 })).toBe("offTrack");
  });
});
