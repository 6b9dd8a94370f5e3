import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { readIati } from "@/lib/formats/iati/read";
import { db } from "@/lib/platform/db";
import { importProject } from "@/lib/server/projects/create";
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
  // Each value once, where it was recorded: per place (and per place and option), with no total beside
  // them, so the place values of all periods add up to the approved total (5,070) and nothing more.
  expect(legal).not.toMatch(/<actual value="5070"\/>/);
  const placeValues = [...legal.matchAll(/<actual value="([\d.]+)">\s*<location ref="[^"]+"\/>\s*(<dimension)?/g)]
    .filter((m) => !m[2])
    .map((m) => Number(m[1]));
  expect(placeValues.reduce((a, b) => a + b, 0)).toBe(5070);
  expect(legal).toMatch(/<actual value="\d+">\s*<location ref="PE-TUM"\/>/);
  // The life of the project carries its target only.
  expect(legal).toMatch(/<target value="8250"\/>/);
  expect(legal).toMatch(/<target value="1800">\s*<location ref="PE-TUM"\/>/);
  expect(legal.slice(0, legal.indexOf("</period>"))).not.toContain("<actual");
  // A project made here is the instance's activity; countries get no invented percentages.
  expect(xml).toMatch(/<iati-identifier>[^<]+-PE-VEN-2021<\/iati-identifier>/);
  expect(xml).toMatch(/<recipient-country code="PE"\/>/);
  // Texts of a qualitative indicator: its target and each approved value, in the comment.
  const protocol = xml.slice(xml.indexOf('code="OP1.1.3"'));
  expect(protocol).toMatch(
    /<target>\s*<comment>\s*<narrative>Referral protocol agreed with authorities in all five regions<\/narrative>/,
  );
  expect(protocol).toMatch(
    /<actual>\s*<location ref="PE-TUM"\/>\s*<comment>\s*<narrative>Referral protocol signed with the regional ombudsman office.<\/narrative>/,
  );
  expect(legal).toMatch(/<dimension name="sex" value="female"\/>/);
  expect(legal).not.toContain('value="6710"'); // the submitted quarter is not in an approved export
  expect(xml).not.toContain("DRAFT");

  const draft = (await projectIatiXml(manager, peru.id, { draft: true }))?.xml ?? "";
  expect(draft).toContain("<!-- DRAFT export");
  expect(draft).toContain("<!-- DRAFT export");
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

test("an imported activity goes out as it came in: its identifier, reporting organisation, country shares and place references", async () => {
  const admin = await principalFor("admin@example.org");
  // The standard's own example, with one place named by the publisher's own reference (no ISO code), and
  // its values at that one place by sex (the app keeps one place and one disaggregation per value).
  const content = readFileSync("test/fixtures/iati/iati-standard-example-annotated-2.03.xml", "utf8")
    .replaceAll("KH-PNH", "CLINIC-7")
    .replace(/<location ref="AF-KAN" \/>\s*/g, "")
    .replace(/<dimension name="age" value="adult" \/>\s*/g, "");
  const imported = await importProject(admin, { format: "iati", content, code: "IATI-RT" }, { dryRun: false });
  expect(imported.problems).toEqual([]);
  const xml = (await projectIatiXml(admin, imported.projectId ?? ""))?.xml ?? "";
  expect(() => validate(xml, "IATI-RT")).not.toThrow();
  expect(xml).toContain("<iati-identifier>AA-AAA-123456789-ABC123</iati-identifier>");
  // The publisher's reporting organisation as published (with its secondary-reporter flag).
  expect(xml).toMatch(/<reporting-org ref="AA-AAA-123456789" type="40" secondary-reporter="0">/);
  expect(xml).toContain('<recipient-country code="AF" percentage="25"/>');
  expect(xml).toContain('<recipient-country code="AG" percentage="25"/>');
  expect(xml).toMatch(/<location ref="CLINIC-7">\s*<name>/);
  expect(xml).not.toMatch(/ref="c[a-z0-9]{20,}"/); // no database ids

  // And back in: the same numbers (the example's actual of 11) under a new code.
  const again = await importProject(admin, { format: "iati", content: xml, code: "IATI-RT2" }, { dryRun: false });
  expect(again.problems).toEqual([]);
  const values = async (id: string | undefined) =>
    (
      await db().result.findMany({
        where: { indicator: { projectId: id } },
        include: { location: true, option: true },
      })
    )
      .map((r) => `${r.location.name} ${r.option?.key ?? "total"} ${r.value}`)
      .sort();
  expect(await values(again.projectId)).toEqual(await values(imported.projectId));
  expect(await values(again.projectId)).toEqual(["Location #2 name female 11"]); // CLINIC-7, by its own name
});
