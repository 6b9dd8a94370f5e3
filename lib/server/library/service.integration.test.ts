import { expect, test } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createLibraryIndicator, libraryIndicatorView, linkIndicator, listLibrary, unlinkIndicator } from "./service";

const reachedBySex = {
  code: "LIB-REACH",
  nameEn: "People reached",
  nameEs: "Personas alcanzadas",
  measure: "COUNT" as const,
  unit: "people",
  dimensionKeys: ["sex"],
};

async function indicatorOf(projectCode: string, code: string) {
  const project = await projectId(projectCode);
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: project, code } });
  return { project, indicator };
}

/** The indicator's own options of a dimension, as mappings of the catalogue's options of the same keys. */
async function sexMappings(indicatorId: string) {
  const options = await db().disaggregationOption.findMany({
    where: { dimension: { key: "sex", indicators: { some: { indicatorId } } } },
  });
  return options.map((o) => ({ dimensionKey: "sex", optionKey: o.key, projectOptionId: o.id }));
}

/** The field codes of a refusal. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fields?.map((f) => `${f.field}:${f.code}`);
}

test("an M&E lead keeps the library; a manager may not; wrong rules, dimensions and codes are refused", async () => {
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  await expect(createLibraryIndicator(manager, reachedBySex)).rejects.toThrow(ForbiddenError);
  const viewer = await principalFor("viewer@example.org");
  await db().user.update({ where: { id: viewer.userId }, data: { orgRole: "ME_LEAD" } });
  const meLead = await principalFor("viewer@example.org");
  const created = await createLibraryIndicator(meLead, reachedBySex);
  expect(created).toMatchObject({ code: "LIB-REACH", rollupRule: "SUM", dimensionKeys: ["sex"] });
  expect(
    await refusal(
      createLibraryIndicator(admin, {
        ...reachedBySex,
        measure: "PERCENTAGE",
        rollupRule: "SUM",
        dimensionKeys: ["shoe size"],
      }),
    ),
  ).toEqual(["body.rollupRule:ruleNotForMeasure", "body.dimensionKeys:unknownDimension", "body.code:codeTaken"]);
  expect(await db().libraryIndicator.count({ where: { code: { startsWith: "LIB-" } } })).toBe(1);
  expect(await db().auditEvent.count({ where: { action: "library.create", actorUserId: meLead.userId } })).toBe(1);
  await db().user.update({ where: { id: viewer.userId }, data: { orgRole: null } });
});

test("a manager links indicators that fit; what does not fit is refused and nothing is written; readers see only their projects", async () => {
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  const viewer = await principalFor("viewer@example.org");
  const library =
    (await db().libraryIndicator.findUnique({ where: { code: "LIB-REACH" } })) ??
    (await createLibraryIndicator(admin, reachedBySex));
  const peru = await indicatorOf("PE-VEN-2021", "OP1.1.1");
  const nepal = await indicatorOf("SA-HIV-MOB", "OP1.1");
  const networks = await indicatorOf("PE-VEN-2021", "OP1.1.2");
  const peruMap = await sexMappings(peru.indicator.id);
  expect(peruMap).toHaveLength(2);

  // Another unit; a required option left out; an option of another indicator; a viewer.
  expect(await refusal(linkIndicator(manager, networks.project, networks.indicator.id, library.id, []))).toEqual([
    "body.indicatorId:unitDiffers",
    "body.options.sex.female:optionUnmapped",
    "body.options.sex.male:optionUnmapped",
  ]);
  const female = peruMap.find((m) => m.optionKey === "female")!;
  expect(await refusal(linkIndicator(manager, peru.project, peru.indicator.id, library.id, [female]))).toEqual([
    "body.options.sex.male:optionUnmapped",
  ]);
  const age = await db().disaggregationOption.findFirstOrThrow({ where: { dimension: { key: "age" } } });
  expect(
    await refusal(
      linkIndicator(manager, peru.project, peru.indicator.id, library.id, [
        female,
        { dimensionKey: "sex", optionKey: "male", projectOptionId: age.id },
      ]),
    ),
  ).toEqual(["body.options.sex.male:optionNotOfIndicator"]);
  await expect(linkIndicator(viewer, peru.project, peru.indicator.id, library.id, peruMap)).rejects.toThrow(
    ForbiddenError,
  );
  // An indicator of another project named under this one is not found.
  await expect(linkIndicator(manager, peru.project, nepal.indicator.id, library.id, peruMap)).rejects.toThrow(
    DomainError,
  );
  expect(await db().libraryLink.count({ where: { libraryIndicatorId: library.id } })).toBe(0);

  await linkIndicator(manager, peru.project, peru.indicator.id, library.id, peruMap);
  await linkIndicator(manager, nepal.project, nepal.indicator.id, library.id, await sexMappings(nepal.indicator.id));
  expect(await db().libraryLinkOption.count({ where: { indicatorId: peru.indicator.id } })).toBe(2);

  const seenByManager = await libraryIndicatorView(manager, library.id);
  expect(seenByManager?.projects.map((p) => [p.project.code, p.indicator.code])).toEqual([
    ["PE-VEN-2021", "OP1.1.1"],
    ["SA-HIV-MOB", "OP1.1"],
  ]);
  expect(seenByManager?.canManage).toBe(false);
  // The viewer of Peru sees Peru's link only, and counts only it in the library.
  const seenByViewer = await libraryIndicatorView(viewer, library.id);
  expect(seenByViewer?.projects.map((p) => p.project.code)).toEqual(["PE-VEN-2021"]);
  expect((await listLibrary(viewer)).find((l) => l.id === library.id)?.projectCount).toBe(1);
  expect((await listLibrary(admin)).find((l) => l.id === library.id)?.projectCount).toBe(2);

  await unlinkIndicator(manager, nepal.project, nepal.indicator.id);
  expect((await libraryIndicatorView(admin, library.id))?.projects).toHaveLength(1);
  expect(await db().auditEvent.count({ where: { action: { in: ["library.link", "library.unlink"] } } })).toBe(3);
});

test("links of archived projects and archived indicators are left out of the library's page, as from its count", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "LIB-REACH" } });
  const nepal = await indicatorOf("SA-HIV-MOB", "OP1.1");
  const peru = await indicatorOf("PE-VEN-2021", "OP1.1.1");
  await linkIndicator(admin, nepal.project, nepal.indicator.id, library.id, await sexMappings(nepal.indicator.id));
  const shown = async () => (await libraryIndicatorView(admin, library.id))?.projects.map((p) => p.project.code);
  const counted = async () => (await listLibrary(admin)).find((l) => l.id === library.id)?.projectCount;
  expect(await shown()).toEqual(["PE-VEN-2021", "SA-HIV-MOB"]);

  await db().project.update({ where: { id: nepal.project }, data: { archivedAt: new Date() } });
  expect(await shown()).toEqual(["PE-VEN-2021"]);
  expect(await counted()).toBe(1);
  await db().project.update({ where: { id: nepal.project }, data: { archivedAt: null } });

  await db().indicator.update({ where: { id: peru.indicator.id }, data: { archivedAt: new Date() } });
  expect(await shown()).toEqual(["SA-HIV-MOB"]);
  expect(await counted()).toBe(1);
  await db().indicator.update({ where: { id: peru.indicator.id }, data: { archivedAt: null } });
});
