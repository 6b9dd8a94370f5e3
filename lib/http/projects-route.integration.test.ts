import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, expect, test } from "vitest";
import { PATCH as updateIndicator } from "@/app/api/v1/projects/[projectId]/indicators/[indicatorId]/route";
import { GET as projectLogframeCsv } from "@/app/api/v1/projects/[projectId]/logframe.csv/route";
import { GET as projectLogframe } from "@/app/api/v1/projects/[projectId]/logframe.xlsx/route";
import { POST as invite } from "@/app/api/v1/projects/[projectId]/members/route";
import { PATCH as updateProject } from "@/app/api/v1/projects/[projectId]/route";
import { PUT as putTargets } from "@/app/api/v1/projects/[projectId]/targets/route";
import { POST as importRoute } from "@/app/api/v1/projects/import/route";
import { GET as templateCsv } from "@/app/api/v1/projects/logframe-template.csv/route";
import { GET as template } from "@/app/api/v1/projects/logframe-template.xlsx/route";
import { POST as createRoute } from "@/app/api/v1/projects/route";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { db } from "@/lib/platform/db";
import { projectId } from "@/lib/testing/principals";

const tokens: Record<string, string> = {};
let peru: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, who: string, method: string, body: unknown, params: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/v1/projects", {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  for (const who of ["admin", "manager", "evaluator"]) {
    const user = await db().user.findUniqueOrThrow({ where: { email: `${who}@example.org` } });
    const token = newSecretToken("med");
    await db().apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashToken(token) } });
    tokens[who] = token;
  }
  peru = await projectId("PE-VEN-2021");
});

test("POST /projects creates a project from a definition; problems come back by path and create nothing", async () => {
  const definition = {
    code: "API-1",
    name: "Made through the API",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    locations: ["PE-TUM", "PE-PIU"],
    nodes: [
      {
        code: "OC1",
        level: "OUTCOME",
        title: "Outcome",
        indicators: [
          { code: "OC1.1", title: "People reached", measure: "COUNT", targets: [{ when: "lop", value: 100 }] },
        ],
      },
    ],
  };
  expect((await call(createRoute, "manager", "POST", { definition })).status).toBe(403);
  const bad = await call(createRoute, "admin", "POST", {
    definition: {
      ...definition,
      nodes: [
        {
          ...definition.nodes[0],
          indicators: [{ ...definition.nodes[0]?.indicators[0], targets: [{ when: "2031-Q1", value: 1 }] }],
        },
      ],
    },
  });
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors).toEqual([{ field: "nodes.0.indicators.0.targets.0.when", message: "unknown" }]);
  const ok = await call(createRoute, "admin", "POST", { definition, managers: ["manager@example.org"] });
  expect(ok.status).toBe(200);
  const body = await ok.json();
  expect(body.counts).toMatchObject({ periods: 4, indicators: 1, targets: 1 });
  const project = await db().project.findUniqueOrThrow({
    where: { id: body.projectId },
    include: { memberships: true },
  });
  expect(project.memberships).toHaveLength(1);
});

test("POST /projects/import previews an IATI file, then imports it", async () => {
  const content = readFileSync("test/fixtures/iati/iati-standard-example-annotated-2.03.xml", "utf8");
  const preview = await call(importRoute, "admin", "POST", { format: "iati", content, dryRun: true });
  expect(preview.status).toBe(200);
  expect((await preview.json()).project.code).toBe("ABC123");
  expect(await db().project.count({ where: { code: "ABC123" } })).toBe(0);
  expect((await call(importRoute, "admin", "POST", { format: "iati", content })).status).toBe(200);
  expect(await db().project.count({ where: { code: "ABC123" } })).toBe(1);
  const again = await call(importRoute, "admin", "POST", { format: "iati", content });
  expect(again.status).toBe(400);
  expect((await again.json()).errors).toEqual([{ field: "code", message: "taken" }]);
});

test("PATCH, PUT and POST on a project: versions, targets and invitations through the API", async () => {
  const project = await db().project.findUniqueOrThrow({ where: { id: peru }, include: { locations: true } });
  const details = {
    version: project.version,
    name: project.name,
    startDate: "2020-10-01",
    endDate: "2021-12-31",
    reportingFrequency: "QUARTERLY",
    onTrackThreshold: 0.9,
    atRiskThreshold: 0.75,
    languages: ["es", "en"],
    locationIds: project.locations.map((l) => l.locationId),
  };
  expect((await call(updateProject, "evaluator", "PATCH", details, { projectId: peru })).status).toBe(403);
  expect((await call(updateProject, "manager", "PATCH", details, { projectId: peru })).status).toBe(200);
  const stale = await call(updateProject, "manager", "PATCH", details, { projectId: peru });
  expect(stale.status).toBe(409);
  expect((await stale.json()).current.version).toBe(project.version + 1);

  const legal = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const archive = await call(
    updateIndicator,
    "manager",
    "PATCH",
    { archived: true },
    { projectId: peru, indicatorId: legal.id },
  );
  expect(archive.status).toBe(200);
  await call(updateIndicator, "manager", "PATCH", { archived: false }, { projectId: peru, indicatorId: legal.id });

  const targets = await call(
    putTargets,
    "manager",
    "PUT",
    { cells: [{ indicatorId: legal.id, value: -3 }] },
    { projectId: peru },
  );
  expect(targets.status).toBe(400);
  expect((await targets.json()).errors).toEqual([{ field: "body.cells.0.value", message: "negative" }]);

  const invited = await call(
    invite,
    "manager",
    "POST",
    { email: "partner@example.org", role: "VIEWER" },
    { projectId: peru },
  );
  expect((await invited.json()).invitationUrl).toMatch(/\/invite\/i_/);
});

test("the blank logframe workbook and a project's own download as XLSX with the template's sheets", async () => {
  const blank = await call(template, "manager", "GET", undefined);
  expect(blank.status).toBe(200);
  expect(blank.headers.get("content-type")).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await blank.arrayBuffer());
  expect(book.worksheets.map((w) => w.name)).toEqual([
    "Project",
    "Results",
    "Indicators",
    "Targets",
    "Periods",
    "Rounds",
    "Dimensions",
    "Read me",
  ]);
  const own = await call(projectLogframe, "manager", "GET", undefined, { projectId: peru });
  const filled = new ExcelJS.Workbook();
  await filled.xlsx.load(await own.arrayBuffer());
  expect(filled.getWorksheet("Indicators")?.getCell("B2").value).toBe("G.1");
  const nepal = await projectId("SA-HIV-MOB");
  expect((await call(projectLogframe, "evaluator", "GET", undefined, { projectId: nepal })).status).toBe(404);

  // The same as one CSV file: a section per sheet.
  const csv = await (await call(templateCsv, "manager", "GET", undefined)).text();
  expect(csv.match(/^#\w+/gm)).toEqual([
    "#Project",
    "#Results",
    "#Indicators",
    "#Targets",
    "#Periods",
    "#Rounds",
    "#Dimensions",
  ]);
  const ownCsv = await call(projectLogframeCsv, "manager", "GET", undefined, { projectId: peru });
  expect(ownCsv.headers.get("content-type")).toContain("text/csv");
  expect(await ownCsv.text()).toMatch(/#Indicators,.*\r\nresult,code,title[^\r]*\r\nG,G\.1,/);
  expect((await call(projectLogframeCsv, "evaluator", "GET", undefined, { projectId: nepal })).status).toBe(404);
});
