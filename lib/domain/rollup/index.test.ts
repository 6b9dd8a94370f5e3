import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { actual } from "@/lib/domain/engine/aggregate";
import type { ResultPartial } from "@/lib/domain/engine/types";
import {
  noTheme,
  type ProjectSeries,
  type RollupPlace,
  type RollupValue,
  rollUp,
  yearSeries,
  yearWindows,
} from "./index";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const peru = (placeId: string): RollupPlace => ({ placeId, ancestorIds: ["PE"], country: "PE", region: "Americas" });
const nepal: RollupPlace = { placeId: "NP", ancestorIds: [], country: "NP", region: "Asia" };
const amount = (value: number | null, numerator: number | null = null, denominator: number | null = null) => ({
  value,
  numerator,
  denominator,
});

function project(code: string, rest: Partial<ProjectSeries> = {}): ProjectSeries {
  return {
    projectId: code,
    code,
    name: code,
    donor: "EU",
    timeRule: "NON_CUMULATIVE",
    values: [],
    targets: [],
    ...rest,
  };
}

/** Monthly values of 2025 at one place. */
const months = (place: RollupPlace, value: number): RollupValue[] =>
  Array.from({ length: 12 }, (_, m) => ({
    ...place,
    ...amount(value),
    start: new Date(Date.UTC(2025, m, 1)),
    end: new Date(Date.UTC(2025, m + 1, 0)),
  }));

/** Quarterly values of 2025 at one place. */
const quarters = (place: RollupPlace, value: number): RollupValue[] =>
  Array.from({ length: 4 }, (_, q) => ({
    ...place,
    ...amount(value),
    start: new Date(Date.UTC(2025, q * 3, 1)),
    end: new Date(Date.UTC(2025, q * 3 + 3, 0)),
  }));

describe("roll-up examples", () => {
  test("counts add up across projects by country, each figure naming its projects and targets", () => {
    const a = project("A", {
      values: [...quarters(peru("PE-TUM"), 10), ...quarters(nepal, 5)],
      targets: [{ ...peru("PE-TUM"), ...amount(100), start: null, end: null }],
    });
    const b = project("B", {
      values: quarters(peru("PE-LIM"), 1),
      targets: [{ ...peru("PE-LIM"), ...amount(20), start: null, end: null }],
    });
    const [np, pe] = rollUp("SUM", [a, b], "country");
    expect(pe).toMatchObject({ key: "PE", actual: { value: 44 }, target: { value: 120 }, overlap: null });
    expect(pe?.contributions.map((c) => [c.code, c.actual.value, c.target?.value, c.placeIds, c.periodCount])).toEqual([
      ["A", 40, 100, ["PE-TUM"], 4],
      ["B", 4, 20, ["PE-LIM"], 4],
    ]);
    expect(np).toMatchObject({ key: "NP", actual: { value: 20 }, target: null });
    expect(rollUp("SUM", [a, b], "region").map((g) => [g.key, g.actual.value])).toEqual([
      ["Americas", 44],
      ["Asia", 20],
    ]);
  });

  test("rates are summed numerators over summed denominators, never a mean of rates", () => {
    const a = project("A", {
      values: [{ ...peru("PE-TUM"), ...amount(90, 9, 10), start: d("2025-01-01"), end: d("2025-03-31") }],
    });
    const b = project("B", {
      values: [{ ...nepal, ...amount(12.2, 11, 90), start: d("2025-01-01"), end: d("2025-06-30") }],
    });
    const [total] = rollUp("RATIO", [a, b], "total");
    // 90 % of 10 and 12 % of 90 are 20 % of 100, not their mean of 51 %.
    expect(total?.actual).toEqual({ value: 20, numerator: 20, denominator: 100 });
  });

  test("rate targets weigh by their denominators when all carry them, equally otherwise", () => {
    const withCounts = project("A", {
      targets: [
        { ...peru("PE-TUM"), ...amount(50, 5, 10), start: null, end: null },
        { ...nepal, ...amount(80, 80, 100), start: null, end: null },
      ],
    });
    expect(rollUp("RATIO", [withCounts], "total")[0]).toMatchObject({
      target: { numerator: 85, denominator: 110 },
      targetBasis: "ratioOfSums",
    });
    const without = project("B", { targets: [{ ...nepal, ...amount(20), start: null, end: null }] });
    expect(rollUp("RATIO", [withCounts, without], "total")[0]).toMatchObject({
      target: { value: 50 },
      targetBasis: "equalWeights",
    });
  });

  test("without a life target, a rate takes each place's last period target, never a pool of them", () => {
    const quarterTarget = (q: number, numerator: number, denominator: number) => ({
      ...nepal,
      ...amount(null, numerator, denominator),
      start: new Date(Date.UTC(2025, q * 3, 1)),
      end: new Date(Date.UTC(2025, q * 3 + 3, 0)),
    });
    const rates = project("A", { targets: [quarterTarget(1, 80, 100), quarterTarget(0, 10, 100)] });
    expect(rollUp("RATIO", [rates], "total")[0]).toMatchObject({
      target: { numerator: 80, denominator: 100, value: 80 },
      targetBasis: "ratioOfSums",
    });
  });

  test("cumulative figures take each place's latest value: running totals are never added over time", () => {
    const running = project("A", {
      timeRule: "CUMULATIVE",
      values: [
        { ...peru("PE-TUM"), ...amount(3), start: d("2025-01-01"), end: d("2025-03-31") },
        { ...peru("PE-TUM"), ...amount(7), start: d("2025-04-01"), end: d("2025-06-30") },
        { ...peru("PE-LIM"), ...amount(2), start: d("2025-01-01"), end: d("2025-03-31") },
      ],
    });
    expect(rollUp("SUM", [running], "total")[0]?.actual.value).toBe(9);
    expect(rollUp("SUM", [{ ...running, timeRule: "NON_CUMULATIVE" }], "total")[0]?.actual.value).toBe(12);
  });

  test("monthly and quarterly projects are aligned by date: a year, or half of one, takes the periods starting in it", () => {
    const monthly = project("M", {
      values: [
        ...months(peru("PE-TUM"), 1),
        { ...peru("PE-TUM"), ...amount(50), start: d("2026-01-01"), end: d("2026-01-31") },
      ],
    });
    const quarterly = project("Q", { values: quarters(nepal, 10) });
    const years = yearWindows([monthly, quarterly]);
    expect(years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(rollUp("SUM", [monthly, quarterly], "total", years[0]!.window)[0]?.actual.value).toBe(52);
    const firstHalf = { from: d("2025-01-01"), to: d("2025-06-30") };
    const half = rollUp("SUM", [monthly, quarterly], "total", firstHalf)[0];
    expect(half?.contributions.map((c) => [c.code, c.actual.value, c.periodCount, c.straddling])).toEqual([
      ["M", 6, 6, 0],
      ["Q", 20, 2, 0],
    ]);
    // A quarter starting in the window's last month is counted whole, and said to reach past it.
    const toMay = rollUp("SUM", [quarterly], "total", { from: d("2025-01-01"), to: d("2025-05-31") })[0];
    expect(toMay?.contributions[0]).toMatchObject({ periodCount: 2, straddling: 1 });
  });

  test("two projects in one place: the sum is offered with the largest figure, as a possible overlap", () => {
    const a = project("A", { values: quarters(peru("PE-TUM"), 10) });
    const b = project("B", {
      values: [{ ...peru("PE-TUM"), ...amount(25), start: d("2025-01-01"), end: d("2025-12-31") }],
    });
    const c = project("C", { values: quarters(peru("PE-LIM"), 1) });
    const [pe] = rollUp("SUM", [a, b, c], "country");
    expect(pe?.actual.value).toBe(69);
    expect(pe?.overlap).toEqual({ groups: [{ projectIds: ["A", "B"], placeIds: ["PE-TUM"] }], sum: 69, max: 44 });
    // A country-wide figure beside another project's region is a possible overlap too.
    const countryWide = project("D", {
      values: [{ ...nepal, placeId: "PE", country: "PE", ...amount(5), start: d("2025-01-01"), end: d("2025-12-31") }],
    });
    expect(rollUp("SUM", [c, countryWide], "country")[0]?.overlap?.groups).toEqual([
      { projectIds: ["C", "D"], placeIds: ["PE", "PE-LIM"] },
    ]);
  });

  test("a group's target covering only some of its projects is marked partial, naming those without one", () => {
    const year = { from: d("2025-01-01"), to: d("2025-12-31") };
    const a = project("A", {
      values: quarters(peru("PE-TUM"), 25),
      targets: [{ ...peru("PE-TUM"), ...amount(100), start: d("2025-01-01"), end: d("2025-12-31") }],
    });
    // B has a life target only: none for the year; C none at all.
    const b = project("B", {
      values: quarters(peru("PE-LIM"), 225),
      targets: [{ ...peru("PE-LIM"), ...amount(5000), start: null, end: null }],
    });
    const c = project("C", { values: quarters(peru("PE-PIU"), 1) });
    const [pe] = rollUp("SUM", [a, b], "country", year);
    expect(pe).toMatchObject({ actual: { value: 1000 }, target: { value: 100 } });
    expect(pe!.targetMissing).toEqual([{ projectId: "B", code: "B" }]);
    const [all] = rollUp("SUM", [a, c], "total");
    expect(all!.targetMissing).toEqual([{ projectId: "C", code: "C" }]);
    // Every project with a target, or none with one: nothing is partial.
    expect(rollUp("SUM", [a, b], "country")[0]!.targetMissing).toEqual([]);
    expect(rollUp("SUM", [c], "country")[0]).toMatchObject({ target: null, targetMissing: [] });
  });
  test("means and narratives are not rolled up: each project is listed, no figure is made", () => {
    const a = project("A", { values: quarters(peru("PE-TUM"), 3) });
    const [total] = rollUp("NONE", [a, project("B", { values: quarters(nepal, 4) })], "total");
    expect(total?.actual.value).toBeNull();
    expect(total?.target).toBeNull();
    expect(total?.contributions.map((c) => c.code)).toEqual(["A", "B"]);
  });
});

// Generated projects: integer counts (exact sums), places of two countries, periods of one or three months.
const placeArb = fc.constantFrom(peru("PE-TUM"), peru("PE-LIM"), nepal);
const valueArb = fc
  .record({
    place: placeArb,
    month: fc.integer({ min: 0, max: 23 }),
    length: fc.constantFrom(1, 3),
    numerator: fc.integer({ min: 0, max: 50 }),
    extra: fc.integer({ min: 1, max: 50 }),
  })
  .map(
    ({ place, month, length, numerator, extra }): RollupValue => ({
      ...place,
      value: numerator,
      numerator,
      denominator: numerator + extra,
      start: new Date(Date.UTC(2025, month, 1)),
      end: new Date(Date.UTC(2025, month + length, 0)),
    }),
  );
/** One value per place and start, as the database keeps one result per cell. */
const valuesArb = fc.uniqueArray(valueArb, { selector: (v) => `${v.placeId}:${v.start.toISOString()}`, maxLength: 12 });
const projectArb = (code: string) =>
  fc
    .record({ timeRule: fc.constantFrom("NON_CUMULATIVE" as const, "CUMULATIVE" as const), values: valuesArb })
    .map((p) => project(code, p));
const ruleArb = fc.constantFrom("SUM" as const, "RATIO" as const);
const byArb = fc.constantFrom("country" as const, "region" as const, "donor" as const, "total" as const);

describe("roll-up properties", () => {
  test("a roll-up of one project equals its own figure, as the project's engine computes it", () => {
    fc.assert(
      fc.property(ruleArb, projectArb("A"), (rule, a) => {
        fc.pre(a.values.length > 0);
        const partials: ResultPartial[] = a.values.map((v) => ({
          locationId: v.placeId,
          timeId: v.start.toISOString(),
          timeEnd: v.end,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          weightedValue: null,
          weight: null,
          weightSquares: null,
          sampleSize: null,
          resultCount: 1,
        }));
        const own = actual(rule === "SUM" ? "COUNT" : "PERCENTAGE", a.timeRule, partials);
        const [total] = rollUp(rule, [a], "total");
        expect(total?.actual).toEqual({ value: own.value, numerator: own.numerator, denominator: own.denominator });
        expect(total?.overlap).toBeNull();
      }),
    );
  });

  test("adding a project with no values changes nothing", () => {
    fc.assert(
      fc.property(ruleArb, byArb, projectArb("A"), projectArb("B"), (rule, by, a, b) => {
        const empty = project("Z", { timeRule: b.timeRule });
        expect(rollUp(rule, [a, b, empty], by)).toEqual(rollUp(rule, [a, b], by));
      }),
    );
  });

  test("the order of the projects does not matter", () => {
    fc.assert(
      fc.property(ruleArb, byArb, projectArb("A"), projectArb("B"), projectArb("C"), (rule, by, a, b, c) => {
        expect(rollUp(rule, [c, a, b], by)).toEqual(rollUp(rule, [a, b, c], by));
      }),
    );
  });

  test("the years' figures of non-cumulative counts add up to the figure for all time", () => {
    fc.assert(
      fc.property(projectArb("A"), projectArb("B"), (a, b) => {
        const series = [
          { ...a, timeRule: "NON_CUMULATIVE" as const },
          { ...b, timeRule: "NON_CUMULATIVE" as const },
        ];
        const byYear = yearWindows(series).map((y) => rollUp("SUM", series, "total", y.window)[0]?.actual.value ?? 0);
        expect(byYear.reduce((s, v) => s + v, 0)).toBe(rollUp("SUM", series, "total")[0]?.actual.value ?? 0);
      }),
    );
  });
  test("the groups partition the total: by country, region or donor, their counts add up to it", () => {
    fc.assert(
      fc.property(ruleArb, byArb, projectArb("A"), projectArb("B"), (rule, by, a, b) => {
        const groups = rollUp(rule, [a, b], by);
        const [total] = rollUp(rule, [a, b], "total");
        const sum = (pick: (f: (typeof groups)[number]) => number | null) =>
          groups.reduce<number | null>((s, f) => (pick(f) === null ? s : (s ?? 0) + (pick(f) ?? 0)), null);
        if (rule === "SUM") expect(sum((f) => f.actual.value)).toBeCloseTo(total?.actual.value ?? 0, 9);
        else {
          expect(sum((f) => f.actual.numerator)).toBeCloseTo(total?.actual.numerator ?? 0, 9);
          expect(sum((f) => f.actual.denominator)).toBeCloseTo(total?.actual.denominator ?? 0, 9);
        }
      }),
    );
  });

  test("progress over time: each year is the year's roll-up, and the last figure to date is the figure for all time", () => {
    fc.assert(
      fc.property(ruleArb, projectArb("A"), projectArb("B"), (rule, a, b) => {
        const series = yearSeries(rule, [a, b]);
        expect(series.map((p) => p.year)).toEqual(yearWindows([a, b]).map((y) => y.year));
        for (const [i, point] of series.entries())
          expect(point.actual).toEqual(rollUp(rule, [a, b], "total", yearWindows([a, b])[i]!.window)[0]?.actual);
        const [all] = rollUp(rule, [a, b], "total");
        if (series.length) expect(series.at(-1)?.toDate).toEqual(all?.actual);
      }),
    );
  });
});

describe("roll-up by theme", () => {
  test("a project of several themes counts whole in each; a project without one in No theme", () => {
    const a = project("A", { themes: ["hiv", "migration"], values: quarters(nepal, 5) });
    const b = project("B", { themes: ["migration"], values: quarters(peru("PE-TUM"), 7) });
    const c = project("C", { values: quarters(peru("PE-LIM"), 1) });
    const groups = rollUp("SUM", [a, b, c], "theme");
    expect(groups.map((g) => [g.key, g.actual.value, g.contributions.map((x) => x.code)])).toEqual([
      [noTheme, 4, ["C"]],
      ["hiv", 20, ["A"]],
      ["migration", 48, ["A", "B"]],
    ]);
    // Theme groups do not partition the total: A counts in two of them.
    expect(rollUp("SUM", [a, b, c], "total")[0]?.actual.value).toBe(52);
    expect(groups.reduce((s, g) => s + (g.actual.value ?? 0), 0)).toBe(72);
  });

  test("a project with one theme equals its own figure in that group", () => {
    fc.assert(
      fc.property(ruleArb, projectArb("A"), fc.constantFrom("hiv", "gbv"), (rule, a, theme) => {
        fc.pre(a.values.length > 0);
        const own = rollUp(rule, [a], "total")[0];
        const groups = rollUp(rule, [{ ...a, themes: [theme] }], "theme");
        expect(groups.map((g) => g.key)).toEqual([theme]);
        expect(groups[0]?.actual).toEqual(own?.actual);
        expect(groups[0]?.target).toEqual(own?.target);
      }),
    );
  });
});

describe("possible overlaps", () => {
  const peruWide: RollupPlace = { placeId: "PE", ancestorIds: [], country: "PE", region: "Americas" };
  const overlapPlaceArb = fc.constantFrom(peru("PE-TUM"), peru("PE-LIM"), peruWide, nepal);
  const overlapProjectArb = (code: string) =>
    fc.uniqueArray(overlapPlaceArb, { selector: (p) => p.placeId, minLength: 1, maxLength: 3 }).map((places) =>
      project(code, {
        values: places.map((p) => ({ ...p, ...amount(1), start: d("2025-01-01"), end: d("2025-12-31") })),
      }),
    );

  /** The definition, pair by pair: two projects overlap when a place of one is a place of the other or lies in it. */
  function pairwiseGroups(series: ProjectSeries[]) {
    const placesOf = (s: ProjectSeries) => s.values as RollupPlace[];
    const around = (p: RollupPlace) => [p.placeId, ...p.ancestorIds];
    const shares = (a: ProjectSeries, b: ProjectSeries) =>
      placesOf(a).some((p) => placesOf(b).some((q) => around(p).includes(q.placeId) || around(q).includes(p.placeId)));
    const group = series.map((_, i) => i);
    for (let i = 0; i < series.length; i++)
      for (let j = 0; j < series.length; j++)
        if (i !== j && shares(series[i]!, series[j]!)) {
          const [from, to] = [group[j]!, group[i]!];
          for (let k = 0; k < group.length; k++) if (group[k] === from) group[k] = to;
        }
    return [...new Set(group)]
      .map((g) => series.filter((_, i) => group[i] === g))
      .filter((members) => members.length > 1)
      .map((members) => ({
        projectIds: members.map((m) => m.projectId).sort(),
        placeIds: [
          ...new Set(
            members.flatMap((m) =>
              placesOf(m).flatMap((p) =>
                around(p)
                  .filter((id) => members.some((o) => o !== m && placesOf(o).some((q) => q.placeId === id)))
                  .flatMap((id) => [p.placeId, id]),
              ),
            ),
          ),
        ].sort(),
      }))
      .sort((a, b) => a.projectIds[0]!.localeCompare(b.projectIds[0]!));
  }

  test("the groups of projects sharing places are those the pairwise definition gives", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.nat(), { minLength: 2, maxLength: 7 })
          .chain((codes) => fc.tuple(...codes.map((_, i) => overlapProjectArb(`P${i}`)))),
        (series) => {
          const [total] = rollUp("SUM", series, "total");
          expect(total?.overlap?.groups ?? []).toEqual(pairwiseGroups(series));
        },
      ),
    );
  });

  test("thousands of projects in ten places: ten groups, each of its place's 300 projects", () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      project(`P${String(i).padStart(4, "0")}`, { values: quarters(peru(`PE-${i % 10}`), 1) }),
    );
    const [total] = rollUp("SUM", many, "total");
    // Every region is reported by 300 projects: ten groups, each of one region.
    expect(total?.overlap?.groups).toHaveLength(10);
    expect(total?.overlap?.groups.every((g) => g.projectIds.length === 300 && g.placeIds.length === 1)).toBe(true);
    expect(total?.actual.value).toBe(3000 * 4);
  });
});
