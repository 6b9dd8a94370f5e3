import { describe, expect, test } from "vitest";
import { type ProjectSeries, rollUp } from "@/lib/domain/rollup";
import { placeCoverage, rollupCountsPeople, rollupCoverage } from "./coverage";
import type { DatedFigure } from "./index";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const need = (value: number, start = "2021-01-01"): DatedFigure => ({
  kind: "PEOPLE_IN_NEED",
  value,
  periodStart: d(start),
  periodEnd: d("2021-12-31"),
  enteredAt: d("2026-01-01"),
});
const year2021 = { from: d("2021-01-01"), to: d("2021-12-31") };

// Peru (country PE) with its regions LIM and TUM, and Ecuador (EC) as a whole.
const at = (placeId: string, ancestorIds: string[], country: string, value: number) => ({
  placeId,
  ancestorIds,
  country,
  region: "",
  value,
  numerator: null,
  denominator: null,
  start: d("2021-03-01"),
  end: d("2021-03-31"),
});
const series = (projectId: string, values: ReturnType<typeof at>[]): ProjectSeries => ({
  projectId,
  code: projectId,
  name: projectId,
  donor: "D",
  timeRule: "NON_CUMULATIVE",
  values,
  targets: [],
});
const projects = [
  series("A", [at("LIM", ["PE"], "PE", 300), at("TUM", ["PE"], "PE", 100)]),
  series("B", [at("EC", [], "EC", 50)]),
];
const figures: Record<string, DatedFigure[]> = {
  PE: [need(10_000)],
  LIM: [need(4_000)],
  TUM: [need(1_000)],
  EC: [need(1_000)],
};
const of = (id: string) => figures[id] ?? [];

describe("coverage of a roll-up's groups", () => {
  test("a country's reached over its own figure, never its regions' added to it", () => {
    const byCountry = rollupCoverage(rollUp("SUM", projects, "country"), projects, of, year2021);
    expect(byCountry.PE).toMatchObject({ inNeed: 10_000, coverage: 4, missing: [] });
    expect(byCountry.EC).toMatchObject({ inNeed: 1_000, coverage: 5 });
  });

  test("a group of several countries: the sum of the countries' figures", () => {
    const total = rollupCoverage(rollUp("SUM", projects, "total"), projects, of, year2021);
    expect(total.total).toMatchObject({ inNeed: 11_000, missing: [] });
    expect(total.total!.coverage).toBeCloseTo((450 / 11_000) * 100, 10);
  });

  test("a country without a figure: no coverage for its group, the country named", () => {
    const withoutEcuador = (id: string) => (id === "EC" ? [] : of(id));
    const total = rollupCoverage(rollUp("SUM", projects, "total"), projects, withoutEcuador, year2021);
    expect(total.total).toMatchObject({ inNeed: null, coverage: null, missing: ["EC"] });
    // A figure not yet known in the year is none.
    const early = rollupCoverage(rollUp("SUM", projects, "country"), projects, of, {
      from: d("2020-01-01"),
      to: d("2020-12-31"),
    });
    expect(early.PE).toMatchObject({ inNeed: null, missing: ["PE"] });
  });

  test("a group with a possible overlap has an uncertain coverage; one without, a certain one", () => {
    const both = [...projects, series("C", [at("LIM", ["PE"], "PE", 200)])];
    const byCountry = rollupCoverage(rollUp("SUM", both, "country"), both, of, year2021);
    expect(byCountry.PE).toMatchObject({ inNeed: 10_000, coverage: 6, uncertain: true });
    expect(byCountry.EC).toMatchObject({ uncertain: false });
  });

  test("only sums of people", () => {
    expect(rollupCountsPeople({ rollupRule: "SUM", measure: "COUNT", unit: "people" })).toBe(true);
    expect(rollupCountsPeople({ rollupRule: "SUM", measure: "COUNT", unit: "help desks" })).toBe(false);
    expect(rollupCountsPeople({ rollupRule: "RATIO", measure: "PERCENTAGE", unit: "people" })).toBe(false);
  });
});

describe("coverage on a project dashboard", () => {
  const indicator = (id: string, measure: string, unit: string) => ({
    indicator: { id, code: id, title: id, measure, unit },
    byLocation: [
      { id: "PE", name: "Peru", actual: 400 },
      { id: "LIM", name: "Lima", actual: 300 },
      { id: "PIU", name: "Piura", actual: 20 },
    ],
  });
  test("each place against its own figure; places without one left out; only people counts", () => {
    const rows = placeCoverage(
      [
        indicator("reached", "COUNT", "people"),
        indicator("desks", "COUNT", "help desks"),
        indicator("share", "PERCENTAGE", "people"),
      ],
      of,
      year2021,
    );
    expect(rows.map((r) => r.indicator.id)).toEqual(["reached"]);
    expect(rows[0]!.places.map((p) => [p.name, p.coverage])).toEqual([
      ["Peru", 4],
      ["Lima", 7.5],
    ]);
  });
  test("no figure anywhere: nothing to show", () => {
    expect(placeCoverage([indicator("reached", "COUNT", "people")], () => [], year2021)).toEqual([]);
  });
});
