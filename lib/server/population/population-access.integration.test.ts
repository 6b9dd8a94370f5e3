// Who reads and who keeps population figures (#34 review): the countries' figures and those of readable
// projects' places; who entered one only to its keepers; a country's figure kept by admins and M&E leads.
import { expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { principalFor } from "@/lib/testing/principals";
import { deletePopulationFigure, populationPage, savePopulationFigure } from "./service";

const figure = (locationId: string, source: string) => ({
  locationId,
  kind: "PEOPLE_IN_NEED" as const,
  value: "1234",
  periodStart: "2024-01-01",
  periodEnd: "2024-12-31",
  source,
});

test("a reader sees the countries' figures and those of places of projects they read; who entered one only where they keep it", async () => {
  const admin = await principalFor("admin@example.org");
  const viewer = await principalFor("viewer@example.org");
  const readable = await db().project.findMany({ where: readableProjectsWhere(viewer), select: { id: true } });
  // A site of a project the viewer cannot read (a place below the country level only it works in).
  const other = await db().project.findFirstOrThrow({ where: { id: { notIn: readable.map((p) => p.id) } } });
  const serbia = await db().location.findFirstOrThrow({ where: { level: "COUNTRY", isoCode: "RS" } });
  const hidden = await db().location.create({ data: { name: "Hidden site", level: "ADMIN1", parentId: serbia.id } });
  await db().projectLocation.create({ data: { projectId: other.id, locationId: hidden.id } });
  const saved = await savePopulationFigure(admin, figure(hidden.id, "Confidential site assessment"));

  const viewerPage = (await populationPage(viewer))!;
  expect(viewerPage.figures.find((f) => f.id === saved.id)).toBeUndefined();
  const countries = viewerPage.figures.filter((f) => f.location.level === "COUNTRY");
  expect(countries.length).toBeGreaterThan(0);
  // Not a keeper: nobody's name, never an e-mail.
  expect(viewerPage.figures.every((f) => f.enteredBy === null)).toBe(true);
  expect(JSON.stringify(viewerPage)).not.toContain("@example.org");

  const adminPage = (await populationPage(admin))!;
  const row = adminPage.figures.find((f) => f.id === saved.id)!;
  expect(row.enteredBy).toEqual({ name: expect.any(String) });
  expect(JSON.stringify(adminPage.figures)).not.toContain("@example.org");
});

test("a project's manager keeps its places below the country level, never a country's figure", async () => {
  const manager = await principalFor("manager@example.org");
  const peru = await db().location.findFirstOrThrow({ where: { level: "COUNTRY", isoCode: "PE" } });
  // The manager's project works in Peru (the reviewer's case): still no.
  expect(
    await db().projectLocation.count({
      where: { locationId: peru.id, project: { memberships: { some: { userId: manager.userId, role: "MANAGER" } } } },
    }),
  ).toBeGreaterThan(0);
  const national = await db().populationFigure.findFirstOrThrow({
    where: { locationId: peru.id, kind: "PEOPLE_IN_NEED" },
  });
  const before = await db().populationFigure.findUniqueOrThrow({ where: { id: national.id } });
  await expect(deletePopulationFigure(manager, national.id)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(savePopulationFigure(manager, figure(peru.id, "Rewritten"), { id: national.id })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(savePopulationFigure(manager, figure(peru.id, "New national"))).rejects.toBeInstanceOf(ForbiddenError);
  expect(await db().populationFigure.findUniqueOrThrow({ where: { id: national.id } })).toEqual(before);

  const page = (await populationPage(manager))!;
  expect(page.figures.find((f) => f.id === national.id)!.mayEdit).toBe(false);
  expect(page.places.map((p) => p.label)).not.toContain("Peru");
  expect(page.places.length).toBeGreaterThan(0);

  // Admins (and M&E leads: population.manage, unit-tested) keep it.
  const admin = await principalFor("admin@example.org");
  await savePopulationFigure(admin, figure(peru.id, "Updated national"), { id: national.id });
  expect((await db().populationFigure.findUniqueOrThrow({ where: { id: national.id } })).source).toBe(
    "Updated national",
  );
});
