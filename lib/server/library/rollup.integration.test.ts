import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { projectSummary } from "@/lib/server/summary/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { libraryRollup } from "./rollup";
import { createLibraryIndicator, linkIndicator } from "./service";

/** Links the project's indicator with the catalogue's sex options mapped to its own. */
async function link(
  manager: Awaited<ReturnType<typeof principalFor>>,
  projectCode: string,
  code: string,
  libraryId: string,
) {
  const project = await projectId(projectCode);
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: project, code } });
  const options = await db().disaggregationOption.findMany({
    where: { dimension: { key: "sex", indicators: { some: { indicatorId: indicator.id } } } },
  });
  await linkIndicator(
    manager,
    project,
    indicator.id,
    libraryId,
    options.map((o) => ({ dimensionKey: "sex", optionKey: o.key, projectOptionId: o.id })),
  );
  return { project, indicator };
}

async function ownFigure(projectCode: string, indicatorId: string) {
  const admin = await principalFor("admin@example.org");
  const summary = await projectSummary(admin, await projectId(projectCode), { indicatorId });
  return summary!.indicators[0]!;
}

test("people reached roll up by country from the projects' own figures; a viewer of one project sees only its part", async () => {
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  const library = await createLibraryIndicator(admin, {
    code: "ROLL-REACH",
    nameEn: "People reached",
    nameEs: "Personas alcanzadas",
    measure: "COUNT",
    unit: "people",
    dimensionKeys: ["sex"],
  });
  const peru = await link(manager, "PE-VEN-2021", "OP1.1.1", library.id);
  const nepal = await link(manager, "SA-HIV-MOB", "OP1.1", library.id);

  const rolled = await libraryRollup(admin, library.id, { by: "country", year: null });
  expect(rolled?.projects.map((p) => p.code)).toEqual(["PE-VEN-2021", "SA-HIV-MOB"]);
  const byCountry = new Map(rolled!.figures.map((f) => [f.key, f]));
  // Peru's figure is the Peru project's own, with its target; each of the other's countries its own.
  const peruOwn = await ownFigure("PE-VEN-2021", peru.indicator.id);
  expect(byCountry.get("PE")?.actual.value).toBe(peruOwn.overall.actual);
  expect(byCountry.get("PE")?.target?.value).toBe(peruOwn.overall.target);
  expect(byCountry.get("PE")?.contributions.map((c) => c.code)).toEqual(["PE-VEN-2021"]);
  const nepalOwn = await ownFigure("SA-HIV-MOB", nepal.indicator.id);
  expect(peruOwn.overall.actual).toBeGreaterThan(0);
  const countries = nepalOwn.byLocation.filter((l) => l.parentId === null);
  expect(countries.map((c) => c.isoCode).sort()).toEqual(["BD", "IN", "NP"]);
  for (const place of countries) {
    expect(byCountry.get(place.isoCode!)?.actual.value).toBe(place.actual);
  }
  expect(byCountry.get("PE")?.overlap).toBeNull();

  // In all, the sum of both; the years' figures add up to it (counts that are not cumulative).
  const [total] = (await libraryRollup(admin, library.id, { by: "total", year: null }))!.figures;
  expect(total?.actual.value).toBe((peruOwn.overall.actual ?? 0) + (nepalOwn.overall.actual ?? 0));
  let sumOfYears = 0;
  for (const year of rolled!.years) {
    const [inYear] = (await libraryRollup(admin, library.id, { by: "total", year }))!.figures;
    sumOfYears += inYear?.actual.value ?? 0;
  }
  expect(sumOfYears).toBe(total?.actual.value);

  // The viewer of Peru: Peru's contribution only.
  const viewer = await principalFor("viewer@example.org");
  const seen = await libraryRollup(viewer, library.id, { by: "country", year: null });
  expect(seen?.projects.map((p) => p.code)).toEqual(["PE-VEN-2021"]);
  expect(seen?.figures.map((f) => f.key)).toEqual(["PE"]);
  // Viewers see approved values only, as on the project's own page.
  expect(seen?.figures[0]?.actual.value).toBe(byCountry.get("PE")?.actual.value);
});
