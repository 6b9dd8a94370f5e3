import { beforeAll, describe, expect, test } from "vitest";
import { GET as getSummary } from "@/app/api/v1/projects/[projectId]/summary/route";
import { summaryResponse } from "@/lib/http/contracts/summary";
import { db } from "@/lib/platform/db";
import { apiTokenFor, projectId } from "@/lib/testing/principals";

let managerToken: string;
let viewerToken: string;
let peru: string;
let nepal: string;

function call(project: string, query = "", token?: string) {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const request = new Request(`http://localhost/api/v1/projects/${project}/summary${query}`, { headers });
  return getSummary(request, { params: Promise.resolve({ projectId: project }) });
}

beforeAll(async () => {
  managerToken = await apiTokenFor("manager@example.org");
  viewerToken = await apiTokenFor("viewer@example.org");
  [peru, nepal] = await Promise.all([projectId("PE-VEN-2021"), projectId("SA-HIV-MOB")]);
});

describe("GET /api/v1/projects/{projectId}/summary", () => {
  test("returns every indicator's figures in the documented shape", async () => {
    const response = await call(peru, "?asOf=2030-01-01", managerToken);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(() => summaryResponse.parse(body)).not.toThrow();
    const legal = body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1");
    expect(legal.overall).toMatchObject({ target: 8250, actual: 5070 });
  });

  test("asOf and location narrow the figures; the location may be an ISO code", async () => {
    const body = await (await call(peru, "?asOf=2030-01-01&location=pe-lim", managerToken)).json();
    const legal = body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1");
    expect(legal.overall.actual).toBe(2190);
    expect(body.locationId).not.toBeNull();
  });

  test("bad query parameters are named in a problem+json answer", async () => {
    const response = await call(peru, "?asOf=yesterday", managerToken);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ code: "validation", status: 400 });
    expect(problem.errors[0].field).toBe("query.asOf");
    const unknownPlace = await (await call(peru, "?location=NP", managerToken)).json();
    expect(unknownPlace.errors).toEqual([{ field: "query.location", message: "Not one of the project's locations" }]);
  });

  test("without credentials, or with a revoked or expired token, nothing is returned", async () => {
    expect((await call(peru)).status).toBe(401);
    expect((await call(peru, "", "med_not-a-real-token")).status).toBe(401);
    const revoked = await apiTokenFor("manager@example.org", { revokedAt: new Date() });
    const expired = await apiTokenFor("manager@example.org", { expiresAt: new Date(Date.now() - 1000) });
    for (const token of [revoked, expired]) {
      const response = await call(peru, "", token);
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe("unauthenticated");
    }
  });

  test("a project outside the token owner's memberships is not found; previews follow the owner's rights", async () => {
    expect((await call(nepal, "", viewerToken)).status).toBe(404);
    const asViewer = await (await call(peru, "?includeSubmitted=true&asOf=2030-01-01", viewerToken)).json();
    expect(asViewer.includesSubmitted).toBe(false);
    const asManager = await (await call(peru, "?includeSubmitted=true&asOf=2030-01-01", managerToken)).json();
    expect(asManager.includesSubmitted).toBe(true);
  });
});

test("a signed-in user's session cookie is accepted as well as a token", async () => {
  const { encode } = await import("next-auth/jwt");
  const { authOptions } = await import("@/lib/platform/auth/options");
  const manager = await db().user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
  const cookie = await encode({ token: { sub: manager.id }, secret: authOptions().secret ?? "" });
  const request = new Request(`http://localhost/api/v1/projects/${peru}/summary`, {
    headers: { cookie: `next-auth.session-token=${cookie}` },
  });
  expect((await getSummary(request, { params: Promise.resolve({ projectId: peru }) })).status).toBe(200);
  const forged = new Request(`http://localhost/api/v1/projects/${peru}/summary`, {
    headers: { cookie: "next-auth.session-token=forged" },
  });
  expect((await getSummary(forged, { params: Promise.resolve({ projectId: peru }) })).status).toBe(401);
});

describe("the summary in parts: an overview, and one indicator's detail", () => {
  test("the overview carries every indicator's overall and per-place figures, no periods or options; the detail is one indicator whole", async () => {
    type Part = { depth: string; overall: unknown; byLocation: unknown[]; byTime: unknown[]; byDimension: unknown[] };
    const full = await (await call(peru, "?asOf=2030-01-01", managerToken)).json();
    const overview = await (await call(peru, "?asOf=2030-01-01&view=overview", managerToken)).json();
    expect(overview.indicators.map((i: Part) => [i.overall, i.byLocation])).toEqual(
      full.indicators.map((i: Part) => [i.overall, i.byLocation]),
    );
    expect(full.indicators.some((i: Part) => i.byTime.length > 0 && i.byDimension.length > 0)).toBe(true);
    expect(
      overview.indicators.every((i: Part) => i.depth === "places" && !i.byTime.length && !i.byDimension.length),
    ).toBe(true);
    expect(JSON.stringify(overview).length).toBeLessThan(JSON.stringify(full).length);
    const [first] = full.indicators;
    const detail = await (await call(peru, `?asOf=2030-01-01&indicator=${first.indicator.id}`, managerToken)).json();
    expect(detail.indicators).toEqual([first]);
    const unknown = await call(peru, "?indicator=nope", managerToken);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([
      { field: "query.indicator", message: "Not one of the project's indicators" },
    ]);
  });
});
