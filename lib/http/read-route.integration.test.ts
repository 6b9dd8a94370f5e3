// The read API as an integration uses it: projects, structure, indicators with targets, and results,
// paged, filtered, conditional, and permission-checked like the pages.
import { beforeAll, expect, test } from "vitest";
import { GET as getIndicators } from "@/app/api/v1/projects/[projectId]/indicators/route";
import { GET as getResults } from "@/app/api/v1/projects/[projectId]/results/route";
import { GET as getProject } from "@/app/api/v1/projects/[projectId]/route";
import { GET as getProjects } from "@/app/api/v1/projects/route";
import {
  getProjectContract,
  listIndicatorsContract,
  listProjectsContract,
  listResultsContract,
} from "@/lib/http/contracts/read";
import { db } from "@/lib/platform/db";
import { saveResults } from "@/lib/server/results/entry";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";

const tokens: Record<string, string> = {};
let peru: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, path: string, who: string, params: Record<string, string> = {}, etag?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}` };
  if (etag) headers["if-none-match"] = etag;
  return handler(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve(params) });
}

beforeAll(async () => {
  for (const who of ["manager", "evaluator", "viewer", "admin"]) tokens[who] = await apiTokenFor(`${who}@example.org`);
  peru = await projectId("PE-VEN-2021");
});

test("projects: the caller's own, paged by cursor without gaps or repeats, in the documented shape", async () => {
  const all = await (await call(getProjects, "/api/v1/projects?limit=1000", "admin")).json();
  expect(() => listProjectsContract.response.parse(all)).not.toThrow();
  expect(all.projects.length).toBe(await db().project.count());
  const seen: string[] = [];
  let cursor = "";
  do {
    const page = await (await call(getProjects, `/api/v1/projects?limit=2${cursor}`, "admin")).json();
    expect(page.projects.length).toBeLessThanOrEqual(2);
    seen.push(...page.projects.map((p: { id: string }) => p.id));
    cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : "";
  } while (cursor);
  expect(seen).toEqual(all.projects.map((p: { id: string }) => p.id));
  const viewer = await principalFor("viewer@example.org");
  const own = await (await call(getProjects, "/api/v1/projects", "viewer")).json();
  expect(own.projects.map((p: { id: string }) => p.id).sort()).toEqual(Object.keys(viewer.roles).sort());
});

test("a project's structure and indicators with targets; 404 for a project the caller may not read", async () => {
  const project = await (await call(getProject, `/api/v1/projects/${peru}`, "manager", { projectId: peru })).json();
  expect(() => getProjectContract.response.parse(project)).not.toThrow();
  expect(project.project).toMatchObject({ code: "PE-VEN-2021", archived: false });
  expect(project.periods.length).toBe(await db().reportingPeriod.count({ where: { projectId: peru } }));
  expect(project.locations.some((l: { isoCode: string }) => l.isoCode === "PE")).toBe(true);
  const { indicators } = await (
    await call(getIndicators, `/api/v1/projects/${peru}/indicators`, "manager", { projectId: peru })
  ).json();
  expect(() => listIndicatorsContract.response.parse({ indicators })).not.toThrow();
  const legal = indicators.find((i: { code: string }) => i.code === "OP1.1.1");
  const targets = await db().target.findMany({ where: { indicatorId: legal.id } });
  expect(legal.targets.map((t: { value: number }) => t.value).sort()).toEqual(targets.map((t) => t.value).sort());

  // Someone with an account but no role in the project: not found, as for a project that does not exist.
  await db().user.create({ data: { email: "stranger@example.org", name: "Stranger", passwordHash: "x" } });
  tokens.stranger = await apiTokenFor("stranger@example.org");
  for (const [handler, path] of [
    [getProject, `/api/v1/projects/${peru}`],
    [getIndicators, `/api/v1/projects/${peru}/indicators`],
    [getResults, `/api/v1/projects/${peru}/results`],
  ] as const) {
    expect((await call(handler, path, "stranger", { projectId: peru })).status).toBe(404);
  }
  expect((await (await call(getProjects, "/api/v1/projects", "stranger")).json()).projects).toEqual([]);
});

test("results: filtered, approved only for viewers, changed since a time, and 304 while unchanged", async () => {
  const path = `/api/v1/projects/${peru}/results?limit=1000`;
  const list = async (who: string, query = "") =>
    (await (await call(getResults, `${path}${query}`, who, { projectId: peru })).json()) as {
      results: { id: string; status: string; indicatorId: string; updatedAt: string }[];
      nextCursor: string | null;
    };
  const manager = await list("manager");
  expect(() => listResultsContract.response.parse(manager)).not.toThrow();
  const total = await db().result.count({ where: { indicator: { projectId: peru } } });
  expect(manager.results.length).toBe(Math.min(total, 1000));
  const approved = await db().result.count({ where: { indicator: { projectId: peru }, status: "APPROVED" } });
  expect(total).toBeGreaterThan(approved); // drafts and submissions a viewer must not see
  await db().user.create({
    data: {
      email: "reader@example.org",
      name: "Reader",
      passwordHash: "x",
      memberships: { create: { projectId: peru, role: "VIEWER" } },
    },
  });
  tokens.reader = await apiTokenFor("reader@example.org");
  const reader = await list("reader");
  expect(reader.results.every((r) => r.status === "APPROVED")).toBe(true);
  expect(reader.results.length).toBe(Math.min(approved, 1000));
  expect((await list("reader", "&status=SUBMITTED")).results).toEqual([]);
  const one = manager.results[0];
  if (!one) throw new Error("the demo project has no values");
  const byIndicator = await list("manager", `&indicator=${one.indicatorId}`);
  expect(byIndicator.results.every((r) => r.indicatorId === one.indicatorId)).toBe(true);

  // A value changed now is what an integration syncing since a moment ago receives.
  const since = new Date(Date.now() - 1000).toISOString();
  const conditional = await call(getResults, `${path}&updatedSince=${since}`, "manager", { projectId: peru });
  const etag = conditional.headers.get("etag") ?? "";
  const before = (await conditional.json()).results.length;
  expect((await call(getResults, `${path}&updatedSince=${since}`, "manager", { projectId: peru }, etag)).status).toBe(
    304,
  );
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const period = await db().reportingPeriod.findFirstOrThrow({
    where: {
      projectId: peru,
      lockedAt: null,
      results: { none: { indicatorId: indicator.id, location: { isoCode: "PE" } } },
    },
  });
  const location = await db().location.findFirstOrThrow({ where: { isoCode: "PE" } });
  const evaluator = await principalFor("evaluator@example.org");
  await saveResults(
    evaluator,
    peru,
    [{ indicatorId: indicator.id, periodId: period.id, locationId: location.id, value: 7 }],
    false,
  );
  const changed = await call(getResults, `${path}&updatedSince=${since}`, "manager", { projectId: peru }, etag);
  expect(changed.status).toBe(200);
  expect((await changed.json()).results.length).toBe(before + 1);

  const invalid = await call(getResults, `${path}&updatedSince=yesterday`, "manager", { projectId: peru });
  expect(invalid.status).toBe(400);
});
