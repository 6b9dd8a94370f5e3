import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { projectSummary } from "@/lib/server/summary/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { libraryRollup } from "./rollup";

async function ownFigure(projectCode: string, indicatorId: string) {
  const admin = await principalFor("admin@example.org");
  const summary = await projectSummary(admin, await projectId(projectCode), { indicatorId });
  return summary!.indicators[0]!;
}

test("the demo's people reached roll up by country from the projects' own figures; a viewer of one project sees only its part", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const indicatorOf = async (project: string, code: string) =>
    db().indicator.findFirstOrThrow({ where: { code, project: { code: project } } });

  const rolled = await libraryRollup(admin, library.id, { by: "country", year: null });
  expect(rolled?.projects.map((p) => p.code)).toEqual(["PE-VEN-2021", "SA-HIV-MOB", "WB-ROMA-W"]);
  const byCountry = new Map(rolled!.figures.map((f) => [f.key, f]));
  expect([...byCountry.keys()].sort()).toEqual(["BA", "BD", "IN", "ME", "NP", "PE", "RS"]);
  // Peru's figure is the Peru project's own, with its target; each of the others' countries its own.
  const peruOwn = await ownFigure("PE-VEN-2021", (await indicatorOf("PE-VEN-2021", "OP1.1.1")).id);
  expect(peruOwn.overall.actual).toBeGreaterThan(0);
  expect(byCountry.get("PE")?.actual.value).toBe(peruOwn.overall.actual);
  expect(byCountry.get("PE")?.target?.value).toBe(peruOwn.overall.target);
  expect(byCountry.get("PE")?.contributions.map((c) => c.code)).toEqual(["PE-VEN-2021"]);
  let others = 0;
  for (const [project, code] of [
    ["SA-HIV-MOB", "OP1.1"],
    ["WB-ROMA-W", "OC1.1"],
  ] as const) {
    const own = await ownFigure(project, (await indicatorOf(project, code)).id);
    for (const place of own.byLocation.filter((l) => l.parentId === null)) {
      expect(byCountry.get(place.isoCode!)?.actual.value).toBe(place.actual);
      others += 1;
    }
    expect(byCountry.get("PE")?.overlap).toBeNull();
  }
  expect(others).toBe(6);

  // In all, the sum of the three; the years' figures add up to it (counts that are not cumulative).
  const [total] = (await libraryRollup(admin, library.id, { by: "total", year: null }))!.figures;
  expect(total?.actual.value).toBe([...byCountry.values()].reduce((s, f) => s + (f.actual.value ?? 0), 0));
  let sumOfYears = 0;
  for (const year of rolled!.years) {
    const [inYear] = (await libraryRollup(admin, library.id, { by: "total", year }))!.figures;
    sumOfYears += inYear?.actual.value ?? 0;
  }
  expect(sumOfYears).toBeCloseTo(total?.actual.value ?? 0, 6);

  // The viewer of Peru: Peru's contribution only.
  const viewer = await principalFor("viewer@example.org");
  const seen = await libraryRollup(viewer, library.id, { by: "country", year: null });
  expect(seen?.projects.map((p) => p.code)).toEqual(["PE-VEN-2021"]);
  expect(seen?.figures.map((f) => f.key)).toEqual(["PE"]);
  expect(seen?.figures[0]?.actual.value).toBe(byCountry.get("PE")?.actual.value);
});

test("a rate rolls up from its counts: the demo's protection access equals Peru's own figure", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-PROTECTION" } });
  const indicator = await db().indicator.findFirstOrThrow({ where: { code: "G.1", project: { code: "PE-VEN-2021" } } });
  const own = await ownFigure("PE-VEN-2021", indicator.id);
  const [peru] = (await libraryRollup(admin, library.id, { by: "country", year: null }))!.figures;
  expect(peru?.actual).toEqual({
    value: own.overall.actual,
    numerator: own.overall.numerator,
    denominator: own.overall.denominator,
  });
  expect(peru?.actual.denominator).toBeGreaterThan(0);
});
