// POST /api/v1/projects/{projectId}/survey-imports as an integration sends a Kobo export: previewed,
// refused whole with every problem named, saved as drafts with the rules kept for the next file, then
// the next file by those saved rules; only those who may enter results may send one.
import { beforeAll, expect, test } from "vitest";
import { POST } from "@/app/api/v1/projects/[projectId]/survey-imports/route";
import { importSurveyPreview } from "@/lib/http/contracts/survey";
import { db } from "@/lib/platform/db";
import { apiTokenFor, projectId } from "@/lib/testing/principals";
import { addMidlineSurvey, midline } from "@/lib/testing/survey-setup";

let peru: string;
let roundId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  peru = await addMidlineSurvey(db());
  roundId = (await db().surveyRound.findFirstOrThrow({ where: { projectId: peru, name: midline.name } })).id;
  for (const who of ["evaluator", "viewer"]) tokens[who] = await apiTokenFor(`${who}@example.org`);
});

const rules = () => ({
  place: "region",
  roundId,
  statuses: ["approved"],
  disaggregations: [{ dimension: "sex", column: "resp_sex" }],
  indicators: [{ indicator: "G.1", kind: "share", condition: "accessed_service = yes" }],
});

const csv = (lines: string[]) => ["region,resp_sex,accessed_service,_validation_status", ...lines].join("\n");

function send(project: string, body: unknown, who = "evaluator") {
  return POST(
    new Request(`http://localhost/api/v1/projects/${project}/survey-imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ projectId: project }) },
  );
}

const midlineValues = () => db().result.count({ where: { roundId, indicator: { projectId: peru } } });

test("preview, a refusal that changes nothing, a save with the rules kept, and the next file by the saved rules", async () => {
  const file = csv([
    "PE-TUM,female,yes,Approved",
    "PE-TUM,male,no,Approved",
    "PE-LIM,female,yes,Approved",
    "PE-LIM,male,yes,On Hold",
  ]);
  const preview = await send(peru, {
    format: "csv",
    content: file,
    fileName: "midline.csv",
    rules: rules(),
    dryRun: true,
  });
  expect(preview.status).toBe(200);
  const body = importSurveyPreview.parse(await preview.json());
  expect(body).toMatchObject({ submissions: 4, counted: 3, imported: false, problemCount: 0 });
  expect(body.values.find((v) => v.place === "Tumbes" && v.option === null)).toMatchObject({
    numerator: 1,
    denominator: 2,
  });
  expect(await midlineValues()).toBe(0);

  // One unknown place refuses the whole file, naming the row and column.
  const bad = await send(peru, {
    format: "csv",
    content: csv(["PE-TUM,female,yes,Approved", "PE-XX,male,no,Approved"]),
    rules: rules(),
  });
  expect(bad.status).toBe(400);
  expect(bad.headers.get("content-type")).toContain("application/problem+json");
  const problem = await bad.json();
  expect(problem.errors).toEqual([{ field: "G.1, submissions, row 3, region", message: "unknownPlace" }]);
  expect(await midlineValues()).toBe(0);

  const saved = await send(peru, { format: "csv", content: file, fileName: "midline.csv", rules: rules() });
  expect(saved.status).toBe(200);
  expect((await saved.json()).imported).toBe(true);
  const drafts = await db().result.findMany({ where: { roundId, indicator: { projectId: peru } } });
  expect(drafts.length).toBeGreaterThan(0);
  expect(drafts.every((r) => r.status === "DRAFT")).toBe(true);

  // The next round's file by the rules the project kept: no rules in the body.
  const next = await send(peru, { format: "csv", content: csv(["PE-CAL,female,yes,Approved"]), dryRun: true });
  expect(next.status).toBe(200);
  expect((await next.json()).values).toEqual(
    expect.arrayContaining([expect.objectContaining({ place: "Callao", numerator: 1, denominator: 1 })]),
  );
});

test("no rules saved and none sent, an unreadable workbook, and a caller who may not enter results: refused, nothing saved", async () => {
  const roma = await projectId("WB-ROMA-W");
  const before = await db().result.count();
  const noRules = await send(roma, { format: "csv", content: csv(["RS,female,yes,Approved"]) });
  expect(noRules.status).toBe(400);
  expect((await noRules.json()).errors).toEqual([{ field: "body.rules", message: "required" }]);
  const broken = await send(peru, {
    format: "xlsx",
    content: Buffer.from("not a zip").toString("base64"),
    rules: rules(),
  });
  expect(broken.status).toBe(400);
  const viewer = await send(
    peru,
    { format: "csv", content: csv(["PE-TUM,female,yes,Approved"]), rules: rules() },
    "viewer",
  );
  expect(viewer.status).toBe(403);
  expect(await db().result.count()).toBe(before);
});
