// A project indicator made from a library indicator (#34): created with the library's definition and
// required disaggregations and linked in one transaction, or not at all; and what the indicator's setup
// page offers for linking.
import { expect, test } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createFromLibrary } from "./from-library";
import { indicatorLinkSetup, libraryChoices } from "./link-setup";
import { libraryIndicatorView } from "./service";

const gbv = () => db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-GBV-REFERRED" } });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fields?.map((f) => `${f.field}:${f.code}`);
}

test("a manager adds an indicator from the library: its definition, its disaggregations, linked with every option mapped", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const library = await gbv();
  const node = await db().resultNode.findFirstOrThrow({ where: { projectId: peru, level: "OUTPUT" } });
  const created = await createFromLibrary(manager, peru, { libraryIndicatorId: library.id, resultNodeId: node.id });
  const indicator = await db().indicator.findUniqueOrThrow({
    where: { id: created.id },
    include: {
      dimensions: { include: { dimension: { include: { options: true } } } },
      libraryLink: { include: { options: true } },
    },
  });
  // Peru reports in Spanish first: the library's Spanish name.
  expect(indicator).toMatchObject({
    projectId: peru,
    resultNodeId: node.id,
    code: "ORG-GBV-REFERRED",
    title: "Sobrevivientes de VBG derivadas a servicios",
    definition: library.definition,
    measure: "COUNT",
    unit: "people",
    direction: "INCREASE",
  });
  expect(indicator.dimensions.map((d) => d.dimension.key)).toEqual(["sex"]);
  const sex = indicator.dimensions[0]?.dimension.options ?? [];
  expect(indicator.libraryLink?.libraryIndicatorId).toBe(library.id);
  expect(
    indicator.libraryLink?.options
      .map((o) => `${o.optionKey}=${sex.find((s) => s.id === o.projectOptionId)?.key}`)
      .sort(),
  ).toEqual(["female=female", "male=male"]);
  const audits = await db().auditEvent.findMany({ where: { entityId: created.id } });
  expect(audits.map((a) => a.action).sort()).toEqual(["indicator.create", "library.link"]);
  const view = await libraryIndicatorView(manager, library.id);
  expect(view?.projects.map((p) => `${p.project.code} ${p.indicator.code}`)).toEqual(["PE-VEN-2021 ORG-GBV-REFERRED"]);

  // Its setup page shows the link, the library indicators that fit first, each option proposed as mapped.
  const setup = await indicatorLinkSetup(manager, peru, created.id, "en");
  expect(setup?.current).toMatchObject({ code: "ORG-GBV-REFERRED", name: "GBV survivors referred to services" });
  expect(setup?.choices.map((c) => `${c.code}:${c.problem}`)).toEqual([
    "ORG-GBV-REFERRED:null",
    "ORG-REACH:null",
    "ORG-PROTECTION:measureDiffers",
  ]);
  const female = sex.find((o) => o.key === "female")?.id;
  expect(setup?.choices[1]?.dimensions).toEqual([
    {
      key: "sex",
      name: "Sex",
      options: [
        { key: "female", name: "Female", proposed: female },
        { key: "male", name: "Male", proposed: sex.find((o) => o.key === "male")?.id },
      ],
    },
  ]);
  expect((await indicatorLinkSetup(manager, peru, created.id, "es"))?.choices[1]?.dimensions[0]?.name).toBe("Sexo");

  // The same code again is refused on its field; nothing is written.
  const before = await db().indicator.count({ where: { projectId: peru } });
  expect(
    await refusal(createFromLibrary(manager, peru, { libraryIndicatorId: library.id, resultNodeId: node.id })),
  ).toEqual(["body.code:duplicate"]);
  expect(await db().indicator.count({ where: { projectId: peru } })).toBe(before);
});

test("what cannot be made or linked is refused and writes nothing; only the project's managers may", async () => {
  const roma = await projectId("WB-ROMA-W");
  const admin = await principalFor("admin@example.org");
  const library = await gbv();
  const node = await db().resultNode.findFirstOrThrow({ where: { projectId: roma } });
  const input = { libraryIndicatorId: library.id, resultNodeId: node.id, code: "GBV.1" };
  await expect(createFromLibrary(await principalFor("viewer@example.org"), roma, input)).rejects.toThrow(
    ForbiddenError,
  );
  expect(await libraryChoices(await principalFor("viewer@example.org"), roma, "en")).toBeNull();
  expect(await refusal(createFromLibrary(admin, roma, { ...input, libraryIndicatorId: "nope" }))).toEqual([
    "body.libraryIndicatorId:unknownLibraryIndicator",
  ]);
  expect(await refusal(createFromLibrary(admin, roma, { ...input, resultNodeId: "nope" }))).toEqual([
    "body.resultNodeId:unknown",
  ]);
  // The project's own "sex" with options of other keys takes the catalogue's place in it: nothing maps,
  // so the indicator is not made (it is made by hand and linked mapping each option).
  await db().disaggregationDimension.create({
    data: {
      projectId: roma,
      key: "sex",
      name: "Gender",
      isCustom: true,
      options: {
        create: [
          { key: "w", name: "Women", sortOrder: 0 },
          { key: "m", name: "Men", sortOrder: 1 },
        ],
      },
    },
  });
  expect(await refusal(createFromLibrary(admin, roma, input))).toEqual(["body.libraryIndicatorId:optionsNotMatched"]);
  expect(await db().indicator.findFirst({ where: { projectId: roma, code: "GBV.1" } })).toBeNull();
  await db().libraryIndicator.update({ where: { id: library.id }, data: { archivedAt: new Date() } });
  expect(await refusal(createFromLibrary(admin, roma, input))).toEqual(["body.libraryIndicatorId:libraryArchived"]);
  expect((await libraryChoices(admin, roma, "en"))?.map((c) => c.code)).not.toContain("ORG-GBV-REFERRED");
});
