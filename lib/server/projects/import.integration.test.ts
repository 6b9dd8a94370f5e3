import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import type { IndicatorSummary } from "@/lib/domain/engine/summarize";
import { ForbiddenError } from "@/lib/domain/permissions";
import { logframeCsv, logframeWorkbook } from "@/lib/formats/write/logframe-workbook";
import { db } from "@/lib/platform/db";
import { projectIatiXml } from "@/lib/server/exports/iati-export";
import { projectSummary } from "@/lib/server/summary/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { validateIati } from "@/lib/testing/xmllint";
import { createProject, importProject } from "./create";
import { asTemplate, projectDefinition } from "./template";

const base64 = (bytes: Buffer) => bytes.toString("base64");

/** The numbers and texts a reader sees for one indicator: overall, per place, per period or round, per option. */
function numbers(i: IndicatorSummary) {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
  return {
    overall: [round(i.overall.actual), round(i.overall.target), round(i.overall.baseline)],
    byLocation: Object.fromEntries(i.byLocation.map((l) => [l.isoCode ?? l.name, round(l.actual)])),
    byTime: Object.fromEntries(
      i.byTime.filter((t) => t.actual !== null).map((t) => [t.label, [round(t.actual), round(t.target)]]),
    ),
    byOption: Object.fromEntries(
      i.byDimension.flatMap((d) => d.options.map((o) => [`${d.key}:${o.key}`, round(o.actual)])),
    ),
    texts: [i.targetText, ...i.narratives.map((n) => `${n.label}: ${n.text}`)],
  };
}

async function summaryNumbers(id: string) {
  const admin = await principalFor("admin@example.org");
  const summary = await projectSummary(admin, id);
  return Object.fromEntries((summary?.indicators ?? []).map((i) => [i.indicator.code, numbers(i)]));
}

test("every demo project's IATI export validates and re-imports with the same approved numbers and texts", async () => {
  const admin = await principalFor("admin@example.org");
  for (const code of ["PE-VEN-2021", "WB-ROMA-W", "SA-HIV-MOB"]) {
    const original = await projectId(code);
    const xml = (await projectIatiXml(admin, original))?.xml ?? "";
    validateIati(xml, code);
    const file = { format: "iati" as const, content: xml, code: `${code}-RT` };
    const imported = await importProject(admin, file, { dryRun: false });
    expect(imported.problems, code).toEqual([]);
    expect(imported.projectId, code).toBeDefined();
    expect(await summaryNumbers(imported.projectId ?? ""), code).toEqual(await summaryNumbers(original));
  }
});

test("a preview reports what would be created and creates nothing; an invalid file changes nothing", async () => {
  const admin = await principalFor("admin@example.org");
  const xml = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const before = await db().project.count();
  const preview = await importProject(admin, { format: "iati", content: xml }, { dryRun: true });
  expect(preview.problems).toEqual([]);
  expect(preview.activities).toHaveLength(5);
  expect(preview.project?.code).toBe("P145054");
  expect(preview.counts?.indicators).toBeGreaterThan(5);
  expect(preview.warnings.map((w) => w.code)).toContain("severalActivities");
  expect(await db().project.count()).toBe(before);

  const unclosed = { format: "iati" as const, content: xml.replace("</iati-activities>", "") };
  expect((await importProject(admin, unclosed, { dryRun: false })).problems[0]?.code).toBe("xmlSyntax");
  const bad = xml.replace('<actual value="20.00">', '<actual value="twenty">');
  const skipped = await importProject(admin, { format: "iati", content: bad }, { dryRun: true });
  expect(skipped.warnings).toContainEqual(
    expect.objectContaining({
      code: "notANumber",
      detail: "twenty",
      where: "iati-activity[1]/result[1]/indicator[1]/period[1]/actual[1]",
    }),
  );
  const undated = xml.replace(/<activity-date type="[12]"[^>]*>[\s\S]*?<\/activity-date>/g, "");
  const refused = await importProject(admin, { format: "iati", content: undated }, { dryRun: false });
  expect(refused.problems).toEqual([
    expect.objectContaining({ code: "startDateMissing", where: "iati-activity[1]/activity-date" }),
  ]);
  expect(await db().project.count()).toBe(before);

  const fourth = { format: "iati" as const, content: xml, activity: "44000-P171269" };
  const imported = await importProject(admin, fourth, { dryRun: false });
  expect(imported.problems).toEqual([]);
  const project = await db().project.findUniqueOrThrow({
    where: { id: imported.projectId ?? "" },
    include: { indicators: true },
  });
  expect(project.code).toBe("P171269");
  expect(project.indicators.length).toBeGreaterThan(0);
  // Every value it brought in, approved ones included, is in the audit trail with who imported it.
  const values = await db().result.findMany({ where: { indicator: { projectId: project.id } }, select: { id: true } });
  expect(values.length).toBeGreaterThan(0);
  const audited = await db().auditEvent.findMany({
    where: { action: "result.import", entityId: { in: values.map((v) => v.id) } },
  });
  expect(audited).toHaveLength(values.length);
  expect(audited.every((a) => a.actorUserId === admin.userId)).toBe(true);
  const again = await importProject(admin, fourth, { dryRun: false });
  expect(again.problems).toEqual([{ where: "code", code: "taken" }]);
});

test("an imported project has a team: the importer manages it unless managers are named; evaluators may be named", async () => {
  const admin = await principalFor("admin@example.org");
  const xml = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const file = (activity: string, code: string) => ({ format: "iati" as const, content: xml, activity, code });
  const team = async (projectId: string | undefined) =>
    (await db().membership.findMany({ where: { projectId }, include: { user: true } }))
      .map((m) => `${m.user.email}:${m.role}`)
      .sort();

  const byDefault = await importProject(admin, file("44000-P145054", "TEAM-1"), { dryRun: false });
  expect(await team(byDefault.projectId)).toEqual(["admin@example.org:MANAGER"]);

  const named = await importProject(admin, file("44000-P145054", "TEAM-2"), {
    dryRun: false,
    managerEmails: ["manager@example.org"],
    evaluatorEmails: ["evaluator@example.org"],
  });
  expect(await team(named.projectId)).toEqual(["evaluator@example.org:EVALUATOR", "manager@example.org:MANAGER"]);

  const before = await db().project.count();
  const unknown = await importProject(admin, file("44000-P145054", "TEAM-3"), {
    dryRun: false,
    evaluatorEmails: ["nobody@example.org"],
  });
  expect(unknown.problems).toEqual([expect.objectContaining({ code: "unknownUser" })]);
  expect(await db().project.count()).toBe(before);
});

test("a long activity description is kept whole; one past the limit is refused by name", async () => {
  const admin = await principalFor("admin@example.org");
  const xml = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const long = "A long description of the activity's context and design. ".repeat(200); // 11,600 characters
  // The first activity's description (its summary, in CDATA), replaced with a longer one.
  const original = "The development objective of the 1000 Electricity";
  const withDescription = (text: string) => {
    const from = xml.indexOf(original);
    return `${xml.slice(0, from)}${text}${xml.slice(xml.indexOf("]]></narrative>", from))}`;
  };
  const kept = await importProject(
    admin,
    { format: "iati", content: withDescription(long), code: "LONG-1" },
    { dryRun: false },
  );
  expect(kept.problems).toEqual([]);
  const project = await db().project.findUniqueOrThrow({ where: { id: kept.projectId ?? "" } });
  expect(project.summary).toBe(long.trim());
  const refused = await importProject(
    admin,
    { format: "iati", content: withDescription(long.repeat(2)), code: "LONG-2" },
    { dryRun: true },
  );
  expect(refused.problems).toEqual([expect.objectContaining({ code: "tooLong" })]);
});

test("only admins create or import projects", async () => {
  const manager = await principalFor("manager@example.org");
  const xml = readFileSync("test/fixtures/iati/iati-standard-example-annotated-2.03.xml", "utf8");
  await expect(importProject(manager, { format: "iati", content: xml }, { dryRun: true })).rejects.toThrow(
    ForbiddenError,
  );
  await expect(
    createProject(manager, { code: "X-1", name: "X", startDate: "2026-01-01", endDate: "2026-12-31" }),
  ).rejects.toThrow(ForbiddenError);
});

test.each([
  ["workbook", "WB-ROMA-XL"],
  ["CSV", "WB-ROMA-CSV"],
])("the logframe %s round-trips a project's framework and targets", async (kind, code) => {
  const admin = await principalFor("admin@example.org");
  const original = await projectId("WB-ROMA-W");
  const def = await projectDefinition(admin, original);
  const bytes = kind === "CSV" ? Buffer.from(logframeCsv(def)) : await logframeWorkbook(def);
  const imported = await importProject(
    admin,
    { format: "spreadsheet", content: base64(bytes), code },
    { dryRun: false },
  );
  expect(imported.problems).toEqual([]);
  const copy = await projectDefinition(admin, imported.projectId ?? "");
  const shape = (d: typeof def) =>
    d.nodes?.map((n) => ({
      ...n,
      description: n.description || undefined,
      indicators: n.indicators?.map((i) => ({
        ...i,
        baseline: i.baseline && { ...i.baseline, provenance: undefined, note: undefined },
        targets: i.targets?.map((t) => ({ ...t, provenance: undefined })),
      })),
    }));
  expect(shape(copy)).toEqual(shape(def));
  expect(copy.periods).toEqual(def.periods);
});

test("a workbook with problems names the sheet and cell, and creates nothing", async () => {
  const admin = await principalFor("admin@example.org");
  const def = await projectDefinition(admin, await projectId("WB-ROMA-W"));
  const node = def.nodes?.[1];
  const indicator = node?.indicators?.[0];
  if (indicator) indicator.targets = [{ when: "2031-Q9", value: 5 }];
  const bytes = await logframeWorkbook({ ...def, code: "WB-ROMA-BAD" });
  const before = await db().project.count();
  const result = await importProject(admin, { format: "spreadsheet", content: base64(bytes) }, { dryRun: false });
  expect(result.problems).toEqual([{ where: expect.stringMatching(/^Targets!B\d+$/), code: "unknown" }]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(book.getWorksheet("Targets")?.getCell(result.problems[0]?.where.split("!")[1] ?? "A1").value).toBe("2031-Q9");
  expect(await db().project.count()).toBe(before);
});

test("a project copied as a template keeps its framework and life-of-project targets, not its results", async () => {
  const admin = await principalFor("admin@example.org");
  const def = await projectDefinition(admin, await projectId("PE-VEN-2021"));
  const next = asTemplate(def, {
    code: "PE-VEN-2023",
    name: "Phase II",
    startDate: "2023-01-01",
    endDate: "2024-12-31",
  });
  const created = await createProject(admin, next, { managerEmails: ["manager@example.org"], source: "template" });
  expect(created.problems).toEqual([]);
  const project = await db().project.findUniqueOrThrow({
    where: { id: created.projectId ?? "" },
    include: { periods: true, memberships: { include: { user: true } }, indicators: { include: { results: true } } },
  });
  expect(project.periods.map((p) => p.label)).toEqual([
    "2023-Q1",
    "2023-Q2",
    "2023-Q3",
    "2023-Q4",
    "2024-Q1",
    "2024-Q2",
    "2024-Q3",
    "2024-Q4",
  ]);
  expect(project.indicators.length).toBe(def.nodes?.flatMap((n) => n.indicators ?? []).length);
  expect(project.indicators.flatMap((i) => i.results)).toEqual([]);
  expect(project.memberships.map((m) => [m.user.email, m.role])).toEqual([["manager@example.org", "MANAGER"]]);
  const audit = await db().auditEvent.findFirst({ where: { entityId: project.id, action: "project.create" } });
  expect(audit?.after).toMatchObject({ source: "template", code: "PE-VEN-2023" });
});

test("several activities of one file: each its own project, all or nothing, the preview listing their indicators", async () => {
  const admin = await principalFor("admin@example.org");
  const xml = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const identifiers = (await importProject(admin, { format: "iati", content: xml }, { dryRun: true })).activities.map(
    (a) => a.identifier,
  );
  expect(identifiers).toHaveLength(5);
  // Earlier tests imported some of them: the others are free.
  const taken = new Set((await db().project.findMany({ select: { code: true } })).map((p) => p.code));
  const codeOf = (identifier: string) => identifier.replace(/^44000-/, "");
  const free = identifiers.filter((i) => !taken.has(codeOf(i)));
  const takenOne = identifiers.find((i) => taken.has(codeOf(i)));
  expect(free.length).toBeGreaterThanOrEqual(3);
  const before = await db().project.count();
  const preview = await importProject(admin, { format: "iati", content: xml, activities: free }, { dryRun: true });
  expect(preview.problems).toEqual([]);
  expect(preview.projects?.map((p) => p.code)).toEqual(free.map(codeOf));
  // The indicators with their baseline, targets and actuals, before anything is created.
  const first = preview.indicators?.find((i) => i.project === codeOf(free[0] ?? ""));
  expect(first).toMatchObject({
    baseline: expect.any(String),
    targets: [expect.any(String)],
    actuals: [expect.any(String)],
  });
  expect(preview.indicators?.some((i) => i.measure === "QUALITATIVE" && i.baseline.length > 0)).toBe(true);
  expect(await db().project.count()).toBe(before);

  // One activity whose code is taken refuses them all, naming which.
  const refused = await importProject(
    admin,
    { format: "iati", content: xml, activities: [...free, takenOne ?? ""] },
    { dryRun: false },
  );
  expect(refused.problems).toEqual([{ where: "code", code: "taken", detail: takenOne }]);
  expect(await db().project.count()).toBe(before);

  const imported = await importProject(admin, { format: "iati", content: xml, activities: free }, { dryRun: false });
  expect(imported.problems).toEqual([]);
  expect(imported.projects?.every((p) => p.projectId)).toBe(true);
  expect(await db().project.count()).toBe(before + free.length);
  const team = await db().membership.findMany({
    where: { projectId: { in: imported.projects?.map((p) => p.projectId ?? "") } },
  });
  expect(team).toHaveLength(free.length); // the importer manages each
});
