import { expect, test } from "vitest";
import * as rollupRoute from "@/app/api/v1/library/indicators/[libraryId]/rollup/route";
import { AsOf } from "@/lib/domain/as-of";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { libraryRollup } from "@/lib/server/library/rollup";
import { projectDashboard } from "@/lib/server/summary/project-view";
import { apiTokenFor, locationId, principalFor, projectId } from "@/lib/testing/principals";
import { deletePopulationFigure, populationPage, savePopulationFigure } from "./service";

const library = (code: string) => db().libraryIndicator.findUniqueOrThrow({ where: { code } });

test("coverage on the roll-up is people reached over the country's people in need; a country without a figure says so", async () => {
  const admin = await principalFor("admin@example.org");
  const reach = await library("ORG-REACH");
  const rolled = (await libraryRollup(admin, reach.id, { by: "country", year: null }))!;
  const peru = rolled.figures.find((f) => f.key === "PE")!;
  const peruNeed = rolled.coverage!.PE!;
  // Peru's own figure (the country's, never its regions' added to it): 1,200,000 in the demo.
  expect(peruNeed.inNeed).toBe(1_200_000);
  expect(peruNeed.figures.map((f) => f.name)).toEqual(["Peru"]);
  expect(peruNeed.figures[0]!.figure.source).toMatch(/Illustrative/);
  expect(peru.actual.value).toBeGreaterThan(0);
  expect(peruNeed.coverage).toBeCloseTo((peru.actual.value! / 1_200_000) * 100, 10);
  // Bosnia and Herzegovina has one; Serbia none: no coverage, and the country named.
  expect(rolled.coverage!.BA!.coverage).toBeCloseTo(
    (rolled.figures.find((f) => f.key === "BA")!.actual.value! / 76_000) * 100,
    10,
  );
  expect(rolled.coverage!.RS).toMatchObject({ inNeed: null, coverage: null, missing: ["Serbia"] });
  // In all: the countries' figures would be summed, but several have none: no coverage over part of the group.
  const total = (await libraryRollup(admin, reach.id, { by: "total", year: null }))!;
  expect(total.coverage!.total!.coverage).toBeNull();
  expect(total.coverage!.total!.missing).toEqual(
    expect.arrayContaining(["Serbia", "Montenegro", "Nepal", "India", "Bangladesh"]),
  );
  expect(total.coverage!.total!.missing).not.toContain("Peru");
});

test("the figure used for a year is the latest whose period covers or precedes it", async () => {
  const admin = await principalFor("admin@example.org");
  const reach = await library("ORG-REACH");
  const rolled = await libraryRollup(admin, reach.id, { by: "country", year: 2020 });
  // Peru's figure covers 2021: not known in 2020.
  expect(rolled!.coverage!.PE).toMatchObject({ inNeed: null, missing: ["Peru"] });
  // A newer figure for 2022 replaces it from 2022 on, not in 2021.
  await savePopulationFigure(admin, {
    locationId: await locationId("PE"),
    kind: "PEOPLE_IN_NEED",
    value: "1,500,000",
    periodStart: "2022-01-01",
    periodEnd: "2022-12-31",
    source: "Newer analysis",
  });
  const in2021 = await libraryRollup(admin, reach.id, { by: "country", year: 2021 });
  expect(in2021!.coverage!.PE!.inNeed).toBe(1_200_000);
  const allTime = await libraryRollup(admin, reach.id, { by: "country", year: null });
  expect(allTime!.coverage!.PE!.inNeed).toBe(1_500_000);
});

test("only sums of people have a coverage", async () => {
  const admin = await principalFor("admin@example.org");
  const rate = await libraryRollup(admin, (await library("ORG-PROTECTION")).id, { by: "country", year: null });
  expect(rate!.figures.length).toBeGreaterThan(0);
  expect(rate!.coverage).toBeNull();
});

test("the project dashboard shows coverage per place of its people counts", async () => {
  const manager = await principalFor("manager@example.org");
  const id = await projectId("PE-VEN-2021");
  const view = await projectDashboard(manager, id, { asOf: AsOf.today(), includeSubmitted: false }, { locale: "en" });
  const reached = view!.need.find((n) => n.indicator.code === "OP1.1.1")!;
  const overview = view!.summary.indicators.find((i) => i.indicator.code === "OP1.1.1")!;
  const lima = reached.places.find((p) => p.name === "Lima")!;
  expect(lima.figure.value).toBe(780_000);
  expect(lima.actual).toBe(overview.byLocation.find((l) => l.name === "Lima")!.actual);
  expect(lima.coverage).toBeCloseTo((lima.actual! / 780_000) * 100, 10);
  // Only people counts: no rate or score among them.
  for (const n of view!.need) {
    const indicator = view!.summary.indicators.find((i) => i.indicator.id === n.indicator.id)!.indicator;
    expect(indicator.measure).toBe("COUNT");
  }
});

test("who keeps the figures: a viewer or evaluator cannot add any, a manager only the project's places, an admin any", async () => {
  const viewer = await principalFor("viewer@example.org");
  const evaluator = await principalFor("evaluator@example.org");
  const manager = await principalFor("manager@example.org");
  const admin = await principalFor("admin@example.org");
  const lima = await locationId("PE-LIM");
  const honduras = await locationId("HN");
  const figure = (locationId: string) => ({
    locationId,
    kind: "PEOPLE_IN_NEED" as const,
    value: "10000",
    periodStart: "2023-01-01",
    periodEnd: "2023-12-31",
    source: "Test",
  });
  const before = await db().populationFigure.count();
  await expect(savePopulationFigure(viewer, figure(lima))).rejects.toBeInstanceOf(ForbiddenError);
  await expect(savePopulationFigure(evaluator, figure(lima))).rejects.toBeInstanceOf(ForbiddenError);
  await expect(savePopulationFigure(manager, figure(honduras))).rejects.toBeInstanceOf(ForbiddenError);
  expect(await db().populationFigure.count()).toBe(before);

  const saved = await savePopulationFigure(manager, figure(lima));
  expect(saved.enteredById).toBe(manager.userId);
  const hn = await savePopulationFigure(admin, figure(honduras));
  // The manager may not edit Honduras's figure, nor move Lima's there; nor delete it.
  await expect(savePopulationFigure(manager, figure(lima), { id: hn.id })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(savePopulationFigure(manager, figure(honduras), { id: saved.id })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(deletePopulationFigure(manager, hn.id)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(deletePopulationFigure(viewer, saved.id)).rejects.toBeInstanceOf(ForbiddenError);

  const audit = await db().auditEvent.findMany({
    where: { entityType: "PopulationFigure", entityId: { in: [saved.id, hn.id] } },
    orderBy: { at: "asc" },
  });
  expect(audit.map((a) => a.action)).toEqual(["population.create", "population.create"]);
  await deletePopulationFigure(manager, saved.id);
  expect(await db().populationFigure.findUnique({ where: { id: saved.id } })).toBeNull();
  expect(await db().auditEvent.count({ where: { action: "population.delete", entityId: saved.id } })).toBe(1);

  // The page: everyone reads; the viewer may edit nothing and add nowhere; the manager adds at the projects' places.
  const viewerPage = await populationPage(viewer);
  expect(viewerPage!.figures.length).toBeGreaterThan(0);
  expect(viewerPage!.figures.every((f) => !f.mayEdit)).toBe(true);
  expect(viewerPage!.places).toEqual([]);
  const managerPage = await populationPage(manager);
  expect(managerPage!.places.map((p) => p.label)).toContain("Peru › Lima");
  expect(managerPage!.places.map((p) => p.label)).not.toContain("Honduras");
  expect(managerPage!.figures.find((f) => f.id === hn.id)!.mayEdit).toBe(false);
  expect((await populationPage(admin))!.places.map((p) => p.label)).toContain("Honduras");
});

test("numbers as typed in the reader's locale; bad input refused on its field, nothing written", async () => {
  const admin = await principalFor("admin@example.org");
  const honduras = await locationId("HN");
  const base = {
    locationId: honduras,
    kind: "POPULATION" as const,
    periodStart: "2021-01-01",
    periodEnd: "2021-12-31",
    source: "Census",
  };
  const es = await savePopulationFigure(admin, { ...base, value: "9.450.000", sharePercent: "31,5" }, { locale: "es" });
  expect(es).toMatchObject({ value: 9_450_000, sharePercent: 31.5 });
  const en = await savePopulationFigure(admin, { ...base, value: "2,900,000" }, { locale: "en" });
  expect(en.value).toBe(2_900_000);
  const before = await db().populationFigure.count();
  const refusal = async (input: object, locale: "en" | "es" = "en") => {
    const error = await savePopulationFigure(admin, { ...base, ...input } as never, { locale }).catch((e) => e);
    const issues = error.issues?.map((i: { path: string[]; message: string }) => `${i.path[0]}:${i.message}`);
    return issues ? [...new Set(issues)] : error.fields;
  };
  expect(await refusal({ value: "lots" })).toEqual(["value:notANumber"]);
  expect(await refusal({ value: "2.900" }, "es")).toEqual(["value:ambiguous"]);
  expect(await refusal({ value: "12.5" })).toEqual(["value:wholePeople"]);
  expect(await refusal({ value: "100", sharePercent: "140" })).toEqual(["sharePercent:share"]);
  expect(await refusal({ value: "100", periodEnd: "2020-12-31" })).toEqual(["periodEnd:endBeforeStart"]);
  expect(await refusal({ value: "100", periodStart: "2021-02-30" })).toEqual(["periodStart:date"]);
  expect(await refusal({ value: "100", source: " " })).toEqual(["source:required"]);
  expect(await refusal({ value: "100", sourceUrl: "not a url" })).toEqual(["sourceUrl:url"]);
  expect(await refusal({ value: "100", locationId: "nowhere" })).toEqual([
    { field: "body.locationId", code: "unknownPlace" },
  ]);
  expect(await db().populationFigure.count()).toBe(before);
});

test("the roll-up API answers each group's coverage with the figures and the countries without one", async () => {
  const reach = await library("ORG-REACH");
  const token = await apiTokenFor("manager@example.org");
  const response = await rollupRoute.GET(
    new Request(`http://localhost/api/v1/library/indicators/${reach.id}/rollup?by=country&year=2021`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ libraryId: reach.id }) },
  );
  expect(response.status).toBe(200);
  const body = await response.json();
  const peru = body.figures.find((f: { key: string }) => f.key === "PE");
  expect(peru.coverage).toMatchObject({
    inNeed: 1_200_000,
    missing: [],
    figures: [{ place: "Peru", value: 1_200_000, periodStart: "2021-01-01", periodEnd: "2021-12-31" }],
  });
  expect(peru.coverage.percent).toBeCloseTo((peru.actual.value / 1_200_000) * 100, 10);
  const serbia = body.figures.find((f: { key: string }) => f.key === "RS");
  expect(serbia.coverage).toMatchObject({ percent: null, inNeed: null, missing: ["Serbia"], figures: [] });
});
