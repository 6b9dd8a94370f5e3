import { describe, expect, test } from "vitest";
import type { Principal } from "@/lib/domain/permissions";
import { countsPeople, coverage, type DatedFigure, figureFor, mayKeepPopulation, needOf } from "./index";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const fig = (
  value: number,
  start: string,
  end: string,
  kind: DatedFigure["kind"] = "PEOPLE_IN_NEED",
  entered = "2026-01-01",
): DatedFigure => ({
  kind,
  value,
  periodStart: d(start),
  periodEnd: d(end),
  enteredAt: d(entered),
});
const year = (y: number) => ({ from: d(`${y}-01-01`), to: d(`${y}-12-31`) });

describe("the figure that holds for a period", () => {
  // Honduras: OCHA, April 2020 (1.3 million in need); IPC/CIF, Dec 2020–Mar 2021 (2.9 million).
  const ocha = fig(1_300_000, "2020-04-01", "2020-04-30");
  const ipc = fig(2_900_000, "2020-12-01", "2021-03-31");
  const population = fig(9_300_000, "2021-01-01", "2021-12-31", "POPULATION");

  test("the latest whose period covers or precedes the window", () => {
    expect(figureFor([ocha, ipc], "PEOPLE_IN_NEED", year(2020))).toBe(ipc); // covers December 2020
    expect(figureFor([ipc, ocha], "PEOPLE_IN_NEED", year(2021))).toBe(ipc);
    expect(figureFor([ocha, ipc], "PEOPLE_IN_NEED", year(2023))).toBe(ipc); // precedes: still the latest known
    expect(figureFor([ocha, ipc], "PEOPLE_IN_NEED", { from: d("2020-05-01"), to: d("2020-06-30") })).toBe(ocha);
  });

  test("a figure starting after the window is not known then; a place with none has none", () => {
    expect(figureFor([ipc], "PEOPLE_IN_NEED", year(2019))).toBeNull();
    expect(figureFor([], "PEOPLE_IN_NEED", year(2021))).toBeNull();
  });

  test("only figures of the kind asked for", () => {
    expect(figureFor([population], "PEOPLE_IN_NEED", year(2021))).toBeNull();
    expect(figureFor([ipc, population], "POPULATION", year(2021))).toBe(population);
  });

  test("ties: the longer period, then the one entered last", () => {
    const short = fig(1, "2021-01-01", "2021-03-31");
    const long = fig(2, "2021-01-01", "2021-06-30");
    const again = fig(3, "2021-01-01", "2021-06-30", "PEOPLE_IN_NEED", "2026-02-01");
    expect(figureFor([short, long], "PEOPLE_IN_NEED", year(2021))).toBe(long);
    expect(figureFor([again, long, short], "PEOPLE_IN_NEED", year(2021))).toBe(again);
  });
});

describe("which indicators count people", () => {
  test("counts in people, persons, personas (any case, accents)", () => {
    for (const unit of ["people", "People", " persons ", "personas", "Persona", "individuos"])
      expect(countsPeople("COUNT", unit)).toBe(true);
  });
  test("not rates, not counts of other things", () => {
    expect(countsPeople("PERCENTAGE", "people")).toBe(false);
    expect(countsPeople("COUNT", "help desks")).toBe(false);
    expect(countsPeople("COUNT", "")).toBe(false);
    expect(countsPeople("COUNT", "% of people")).toBe(false);
  });
});

describe("coverage", () => {
  test("reached over in need, in percent", () => {
    expect(coverage(29_000, 2_900_000)).toBeCloseTo(1);
    expect(coverage(50, 200)).toBe(25);
  });
  test("none without a figure, or nobody in need", () => {
    expect(coverage(10, null)).toBeNull();
    expect(coverage(null, 100)).toBeNull();
    expect(coverage(10, 0)).toBeNull();
  });
});

describe("the need of a group of places", () => {
  const figures: Record<string, DatedFigure[]> = {
    PE: [fig(1_000_000, "2021-01-01", "2021-12-31")],
    EC: [fig(500_000, "2021-01-01", "2021-12-31")],
  };
  const of = (id: string) => figures[id] ?? [];
  test("the sum of each place's own figure, each place once", () => {
    const need = needOf(["PE", "EC", "PE"], of, year(2021));
    expect(need.value).toBe(1_500_000);
    expect(need.missing).toEqual([]);
    expect(need.figures.map((f) => f.placeId)).toEqual(["EC", "PE"]);
  });
  test("a place without a figure: no need for the group, the place named", () => {
    const need = needOf(["PE", "CO"], of, year(2021));
    expect(need.value).toBeNull();
    expect(need.missing).toEqual(["CO"]);
    expect(needOf([], of, year(2021)).value).toBeNull();
  });
});

describe("who keeps the figures", () => {
  const manager: Principal = { kind: "user", userId: "u1", isAdmin: false, roles: { p1: "MANAGER" } };
  const evaluator: Principal = { kind: "user", userId: "u2", isAdmin: false, roles: { p1: "EVALUATOR" } };
  const viewer: Principal = { kind: "user", userId: "u3", isAdmin: false, roles: { p1: "VIEWER" } };
  const admin: Principal = { kind: "user", userId: "u4", isAdmin: true, roles: {} };
  const meLead: Principal = { ...viewer, orgRole: "ME_LEAD" };
  const programManager: Principal = { ...viewer, orgRole: "PROGRAM_MANAGER" };
  const donor: Principal = { kind: "share", linkId: "l1", projectId: "p1" };
  const site = (...projectIds: string[]) => ({ level: "ADMIN1" as const, projectIds });
  const country = (...projectIds: string[]) => ({ level: "COUNTRY" as const, projectIds });
  test("admins and M&E leads any place, even one no project works in, and countries", () => {
    expect(mayKeepPopulation(admin, site())).toBe(true);
    expect(mayKeepPopulation(meLead, site("p9"))).toBe(true);
    expect(mayKeepPopulation(admin, country())).toBe(true);
    expect(mayKeepPopulation(meLead, country("p1"))).toBe(true);
  });
  test("a manager the places of their project below the country level only", () => {
    expect(mayKeepPopulation(manager, site("p2", "p1"))).toBe(true);
    expect(mayKeepPopulation(manager, site("p2"))).toBe(false);
    expect(mayKeepPopulation(manager, site())).toBe(false);
  });
  test("a manager never a country's figure, even of a country their project works in", () => {
    expect(mayKeepPopulation(manager, country("p1"))).toBe(false);
  });
  test("evaluators, viewers, program managers and donor links never", () => {
    for (const p of [evaluator, viewer, programManager, donor]) expect(mayKeepPopulation(p, site("p1"))).toBe(false);
  });
});
