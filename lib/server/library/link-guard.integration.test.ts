// The guards of the library's links found by the review of #34: an edit may not leave a link that no
// longer fits, a project reports a library indicator through one indicator, and writes that race each
// other are answered by field, not 500.
import { expect, test } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { db } from "@/lib/platform/db";
import { saveIndicator } from "@/lib/server/projects/edit";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createFromLibrary } from "./from-library";
import { saveRegion } from "./regions";
import { libraryRollup } from "./rollup";
import { createLibraryIndicator, linkIndicator } from "./service";

const fieldsOf = async (work: Promise<unknown>) => {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return ((error as DomainError).fields ?? []).map((f) => `${f.field}:${f.code}`);
};

test("a linked indicator's measure, unit or mapped disaggregation cannot be edited away from its link; nothing is written", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-GBV-REFERRED" } });
  const node = await db().resultNode.findFirstOrThrow({ where: { projectId: peru, level: "OUTPUT" } });
  const created = await createFromLibrary(manager, peru, {
    libraryIndicatorId: library.id,
    resultNodeId: node.id,
    code: "FX-1",
  });
  const ind = await db().indicator.findUniqueOrThrow({ where: { id: created.id } });
  const edit = { version: ind.version, resultNodeId: ind.resultNodeId, code: ind.code, title: ind.title };
  const refused = async (change: Record<string, unknown>) =>
    fieldsOf(
      saveIndicator(manager, peru, ind.id, {
        ...edit,
        measure: "COUNT",
        unit: "people",
        dimensionKeys: ["sex"],
        ...change,
      }),
    );

  expect(await refused({ measure: "PERCENTAGE", unit: "households", dimensionKeys: [] })).toEqual([
    "body.measure:linkedToLibrary",
    "body.dimensionKeys:linkedToLibrary",
  ]);
  expect(await refused({ unit: "households" })).toEqual(["body.unit:linkedToLibrary"]);
  expect(await refused({ dimensionKeys: [] })).toEqual(["body.dimensionKeys:linkedToLibrary"]);
  const after = await db().indicator.findUniqueOrThrow({ where: { id: ind.id }, include: { dimensions: true } });
  expect(after).toMatchObject({ version: ind.version, measure: "COUNT", unit: "people" });
  expect(after.dimensions).toHaveLength(1);

  // What keeps the link fitting is saved: another title, a unit in other words.
  await saveIndicator(manager, peru, ind.id, {
    ...edit,
    title: "Referred",
    measure: "COUNT",
    unit: "personas",
    dimensionKeys: ["sex"],
  });
  expect(await db().indicator.findUniqueOrThrow({ where: { id: ind.id } })).toMatchObject({
    title: "Referred",
    unit: "personas",
  });
  expect(await db().libraryLink.findUnique({ where: { indicatorId: ind.id } })).not.toBeNull();
});

test("the roll-up leaves out, and names, a link whose indicator no longer has the library's measure or unit", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-PROTECTION" } });
  const link = await db().libraryLink.findFirstOrThrow({
    where: { libraryIndicatorId: library.id },
    include: { indicator: true },
  });
  const before = await libraryRollup(admin, library.id, { by: "total", year: null });
  expect(before!.projects.map((p) => p.code)).toEqual(["PE-VEN-2021"]);
  expect(before!.skipped).toEqual([]);
  // A link left stale by a write that went around the services.
  await db().indicator.update({ where: { id: link.indicatorId }, data: { unit: "households" } });
  const after = await libraryRollup(admin, library.id, { by: "total", year: null });
  expect(after!.projects).toEqual([]);
  expect(after!.skipped).toEqual([{ projectCode: "PE-VEN-2021", indicatorCode: link.indicator.code }]);
  await db().indicator.update({ where: { id: link.indicatorId }, data: { unit: link.indicator.unit } });
});

test("a project reports a library indicator through one indicator: a second is refused naming the first, and the database keeps it so", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-PROTECTION" } });
  const first = await db().libraryLink.findFirstOrThrow({
    where: { libraryIndicatorId: library.id },
    include: { indicator: true },
  });
  const other = await db().indicator.findFirstOrThrow({
    where: { projectId: peru, measure: "PERCENTAGE", archivedAt: null, id: { not: first.indicatorId } },
  });
  const error = await linkIndicator(manager, peru, other.id, library.id, []).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).fields).toContainEqual({
    field: "body.libraryIndicatorId",
    code: "alreadyLinkedInProject",
  });
  expect((error as DomainError).detail).toContain(first.indicator.code);
  expect(await db().libraryLink.count({ where: { libraryIndicatorId: library.id, projectId: peru } })).toBe(1);
  // Relinking the same indicator still replaces its own link.
  await linkIndicator(manager, peru, first.indicatorId, library.id, []);
  // The unique key behind the check (and behind two links written at once).
  await expect(
    db().libraryLink.create({ data: { indicatorId: other.id, projectId: peru, libraryIndicatorId: library.id } }),
  ).rejects.toMatchObject({ code: "P2002" });
  // Every stored link carries its indicator's project (the migration fills them from Indicator).
  const links = await db().libraryLink.findMany({ include: { indicator: { select: { projectId: true } } } });
  expect(links.length).toBeGreaterThan(0);
  for (const l of links) expect(l.projectId).toBe(l.indicator.projectId);
});

test("writes that race are answered by field: one library code, one country, one indicator's link", async () => {
  const admin = await principalFor("admin@example.org");
  const body = { code: "FX-RACE", nameEn: "x", nameEs: "x", measure: "COUNT" as const, unit: "" };
  const created = await Promise.allSettled([createLibraryIndicator(admin, body), createLibraryIndicator(admin, body)]);
  const lost = created.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason);
  expect(lost).toHaveLength(1);
  expect(lost[0]).toBeInstanceOf(DomainError);
  expect(lost[0].fields).toEqual([{ field: "body.code", code: "codeTaken" }]);

  const free = await db().location.findFirstOrThrow({
    where: {
      level: "COUNTRY",
      isoCode: { notIn: (await db().organisationRegionCountry.findMany()).map((c) => c.countryCode) },
    },
  });
  const region = (key: string) => saveRegion(admin, { key, nameEn: key, nameEs: key, countries: [free.isoCode!] });
  const saved = await Promise.allSettled([region("fx-one"), region("fx-two")]);
  for (const s of saved)
    if (s.status === "rejected")
      expect(s.reason.fields).toEqual([{ field: "body.countries", code: "countryInOtherRegion" }]);
  expect(await db().organisationRegionCountry.count({ where: { countryCode: free.isoCode! } })).toBe(1);

  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const raced = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "FX-RACE" } });
  const target = await db().indicator.findFirstOrThrow({
    where: { projectId: peru, measure: "COUNT", archivedAt: null, libraryLink: null },
  });
  const linked = await Promise.allSettled([
    linkIndicator(manager, peru, target.id, raced.id, []),
    linkIndicator(manager, peru, target.id, raced.id, []),
  ]);
  for (const s of linked)
    if (s.status === "rejected")
      expect(s.reason.fields).toEqual([{ field: "body.libraryIndicatorId", code: "alreadyLinkedInProject" }]);
  expect(await db().libraryLink.count({ where: { indicatorId: target.id } })).toBe(1);
});
