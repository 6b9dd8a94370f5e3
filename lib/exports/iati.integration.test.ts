import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { readIati } from "@/lib/imports/iati-read";
import { importProject } from "@/lib/projects/create";
import { principalFor } from "@/lib/testing/principals";
import { validateIati as validate } from "@/lib/testing/xmllint";
import { projectIatiXml } from "./iati-export";

test("the official schema rejects an invalid file (the check can fail)", () => {
  expect(() => validate('<iati-activities version="2.03"><iati-activity/></iati-activities>', "broken")).toThrow(
    /fails to validate/,
  );
});

test("every demo project exports an IATI 2.03 file valid against the official schema", async () => {
  const admin = await principalFor("admin@example.org");
  for (const project of await db().project.findMany()) {
    const xml = (await projectIatiXml(admin, project.id))?.xml;
    expect(xml, project.code).toBeDefined();
    expect(() => validate(xml ?? "", project.code), project.code).not.toThrow();
  }
});

test("the export carries the engine's approved figures, per location and per disaggregation option", async () => {
  const manager = await principalFor("manager@example.org");
  const peru = await db().project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } });
  const xml = (await projectIatiXml(manager, peru.id))?.xml ?? "";
  const legal = xml.slice(xml.indexOf('code="OP1.1.1"'), xml.indexOf('code="OP1.1.2"'));
  // Titles as written: the code travels as the indicator's reference, not glued to its title.
  expect(xml).toContain("<narrative>Number of people");
  expect(xml).not.toContain("<narrative>OP1.1.1 ");
  expect(legal).toMatch(
    /<period-start iso-date="2020-10-01"\/>\s*<period-end iso-date="2021-12-31"\/>\s*<target value="8250"\/>/,
  );
  expect(legal).toMatch(/<actual value="5070"\/>/);
  expect(legal).toMatch(/<actual value="1110">\s*<location ref="PE-TUM"\/>/);
  expect(legal).toMatch(/<dimension name="sex" value="female"\/>/);
  expect(legal).not.toContain('value="6710"'); // the submitted quarter is not in an approved export
  expect(xml).not.toContain("DRAFT");

  const draft = (await projectIatiXml(manager, peru.id, { draft: true }))?.xml ?? "";
  expect(draft).toContain("<!-- DRAFT export");
  expect(draft).toContain('<actual value="6710"/>');
  const viewer = await principalFor("viewer@example.org");
  expect((await projectIatiXml(viewer, peru.id, { draft: true }))?.xml).not.toContain("DRAFT");
  const nepal = await db().project.findUniqueOrThrow({ where: { code: "SA-HIV-MOB" } });
  expect(await projectIatiXml(viewer, nepal.id)).toBeNull();
});

test("baselines in words go out as they came in: imported, exported valid, and read back the same", async () => {
  const admin = await principalFor("admin@example.org");
  const content = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const imported = await importProject(admin, { format: "iati", content, code: "WB-WORDS" }, { dryRun: false });
  expect(imported.problems).toEqual([]);
  const xml = (await projectIatiXml(admin, imported.projectId ?? ""))?.xml ?? "";
  expect(() => validate(xml, "WB-WORDS")).not.toThrow();
  const notes = (text: string) =>
    readIati(text)
      .definition?.nodes?.flatMap((n) => n.indicators ?? [])
      .filter((i) => i.measure === "QUALITATIVE")
      .map((i) => i.baseline?.note)
      .sort();
  expect(notes(xml)).toEqual(notes(content));
  expect(notes(xml)).toContain("IGC Secretariat and JWG established");
});
