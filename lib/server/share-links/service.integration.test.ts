import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { contracts } from "@/lib/http/contracts";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createShareLink, listShareLinks, openShareLink, revokeShareLink } from "./service";

let manager: UserPrincipal;
let peru: string;
let nepal: string;
const allOptions = { showRegions: true, showDisaggregations: true, showConfidenceIntervals: true, showComments: false };

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
  [peru, nepal] = await Promise.all([projectId("PE-VEN-2021"), projectId("SA-HIV-MOB")]);
});

/** Calls a route of the app's API folder by its OpenAPI path, as Next.js would. */
async function callRoute(apiPath: string, params: Record<string, string>, headers: Record<string, string>) {
  const file = path.resolve(`app${apiPath.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`);
  const route = (await import(file)) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
  let url = `http://localhost${apiPath}`;
  for (const [k, v] of Object.entries(params)) url = url.replace(`{${k}}`, v);
  const results: Record<string, number> = {};
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    const handler = route[method];
    if (!handler) continue;
    const request = new Request(url, { method, headers, body: method === "GET" ? undefined : "{}" });
    results[method] = (await handler(request, { params: Promise.resolve(params) })).status;
  }
  return results;
}

describe("share links", () => {
  test("a manager creates a link: the token is random, shown once and stored only as a hash", async () => {
    const { link, token } = await createShareLink(manager, peru, {
      label: "U.S. Government / PRM",
      expiresAt: null,
      options: allOptions,
    });
    expect(token).toMatch(/^s_[A-Za-z0-9_-]{43}$/); // 256 random bits
    const stored = await db().shareLink.findUniqueOrThrow({ where: { id: link.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(token.slice(2));
    expect(await db().auditEvent.count({ where: { entityId: link.id, action: "shareLink.create" } })).toBe(1);
  });

  test("viewers and evaluators cannot create or list links", async () => {
    for (const email of ["viewer@example.org", "evaluator@example.org"]) {
      const someone = await principalFor(email);
      await expect(
        createShareLink(someone, peru, { label: "x", expiresAt: null, options: allOptions }),
      ).rejects.toThrow(ForbiddenError);
      await expect(listShareLinks(someone, peru)).rejects.toThrow(ForbiddenError);
    }
  });

  test("opening a link gives a read-only principal of its project; uses are counted, the first one audited", async () => {
    const { link, token } = await createShareLink(manager, peru, {
      label: "Opened",
      expiresAt: null,
      options: allOptions,
    });
    const first = await openShareLink(token);
    expect(first).toMatchObject({ state: "active", principal: { kind: "share", projectId: peru } });
    // Within a minute, views are counted without a write; the next write carries them.
    const start = (await db().shareLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt ?? new Date();
    await openShareLink(token, new Date(start.getTime() + 10_000));
    await openShareLink(token, new Date(start.getTime() + 20_000));
    expect((await db().shareLink.findUniqueOrThrow({ where: { id: link.id } })).useCount).toBe(1);
    await openShareLink(token, new Date(start.getTime() + 61_000));
    const row = await db().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.useCount).toBe(4);
    expect(row.lastUsedAt).toEqual(new Date(start.getTime() + 61_000));
    expect(await db().auditEvent.count({ where: { entityId: link.id, action: "shareLink.firstAccess" } })).toBe(1);
    expect((await openShareLink(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).state).toBe("unknown");
  });

  test("revoked and expired links stop working at once", async () => {
    const revoked = await createShareLink(manager, peru, { label: "Revoked", expiresAt: null, options: allOptions });
    expect(await revokeShareLink(manager, peru, revoked.link.id)).toBe(true);
    expect(await openShareLink(revoked.token)).toEqual({ state: "revoked" });
    expect(await db().auditEvent.count({ where: { entityId: revoked.link.id, action: "shareLink.revoke" } })).toBe(1);

    const expiring = await createShareLink(manager, peru, {
      label: "Expiring",
      expiresAt: new Date(Date.now() + 60_000),
      options: allOptions,
    });
    expect((await openShareLink(expiring.token)).state).toBe("active");
    expect(await openShareLink(expiring.token, new Date(Date.now() + 120_000))).toEqual({ state: "expired" });
    await expect(
      createShareLink(manager, peru, { label: "Past", expiresAt: new Date(Date.now() - 1000), options: allOptions }),
    ).rejects.toThrow(/expiryInPast/);
  });

  test("the links list shows who created each and how often it was opened, never the token", async () => {
    const links = await listShareLinks(manager, peru);
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toMatchObject({ createdBy: { name: "Mateo Manager" } });
    expect(JSON.stringify(links)).not.toMatch(/tokenHash|s_[A-Za-z0-9_-]{43}/);
  });
});

describe("what a share token reaches", () => {
  test("the shared summary: approved figures of its own project only, within the link's options", async () => {
    const { token } = await createShareLink(manager, peru, {
      label: "No regions",
      expiresAt: null,
      options: { ...allOptions, showRegions: false, showConfidenceIntervals: false },
    });
    const status = await callRoute("/api/v1/shared/{token}/summary", { token }, {});
    expect(status.GET).toBe(200);
    const { GET } = await import("@/app/api/v1/shared/[token]/summary/route");
    const response = await GET(new Request(`http://localhost/api/v1/shared/${token}/summary?asOf=2030-01-01`), {
      params: Promise.resolve({ token }),
    });
    const body = await response.json();
    expect(body.project.id).toBe(peru);
    expect(body.includesSubmitted).toBe(false);
    const legal = body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1");
    expect(legal.overall.actual).toBe(5070); // the submitted quarter is not counted
    expect(legal.byLocation).toEqual([]);
    expect(body.locations).toEqual([]);
    const survey = body.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "G.1");
    expect(survey.overall.confidenceInterval).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/@example\.org|Manager|Evaluator/);
  });

  test("a share token is no credential for any other API route", async () => {
    const { token } = await createShareLink(manager, peru, { label: "Probe", expiresAt: null, options: allOptions });
    const tried: string[] = [];
    for (const contract of contracts.filter((c) => c.auth === "session")) {
      for (const project of [peru, nepal]) {
        const statuses = await callRoute(contract.path, { projectId: project }, { authorization: `Bearer ${token}` });
        for (const [method, status] of Object.entries(statuses)) {
          tried.push(`${method} ${contract.path}`);
          expect(status, `${method} ${contract.path}`).toBe(401);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(0);
  });

  test("the shared routes refuse unknown, revoked and expired tokens", async () => {
    const revoked = await createShareLink(manager, nepal, { label: "Gone", expiresAt: null, options: allOptions });
    await revokeShareLink(manager, nepal, revoked.link.id);
    for (const apiPath of ["/api/v1/shared/{token}/summary", "/api/v1/shared/{token}/summary.csv"]) {
      expect((await callRoute(apiPath, { token: "s_unknown" }, {})).GET).toBe(404);
      expect((await callRoute(apiPath, { token: revoked.token }, {})).GET).toBe(410);
    }
  });
});
