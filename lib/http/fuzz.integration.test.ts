// Generated bad input to every JSON write endpoint (fast-check): never a 5xx, a problem+json answer to
// every refusal, and nothing changed by a refused request. FUZZ_RUNS sets the bodies per endpoint
// (default 185: over 2,000 bodies per database); more finds more.
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { POST as copyProject } from "@/app/api/v1/projects/[projectId]/copy/route";
import { PATCH as indicatorPatch } from "@/app/api/v1/projects/[projectId]/indicators/[indicatorId]/route";
import { POST as indicatorPost } from "@/app/api/v1/projects/[projectId]/indicators/route";
import { PATCH as memberPatch } from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import { POST as invite } from "@/app/api/v1/projects/[projectId]/members/route";
import { POST as resultsImport } from "@/app/api/v1/projects/[projectId]/results/import/route";
import { POST as review } from "@/app/api/v1/projects/[projectId]/results/review/route";
import { POST as saveResults } from "@/app/api/v1/projects/[projectId]/results/route";
import { PATCH as projectPatch } from "@/app/api/v1/projects/[projectId]/route";
import { PUT as targets } from "@/app/api/v1/projects/[projectId]/targets/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { locationId, projectId } from "@/lib/testing/principals";

const RUNS = Number(process.env.FUZZ_RUNS ?? 185);
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Endpoint = { name: string; handler: Handler; method: string; params: Record<string, string>; body: unknown };

let endpoints: Endpoint[] = [];
let token = "";

/** Rows per table and every version: a refused request must leave them all as they were. */
async function snapshot() {
  const [row] = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Project") AS projects, (SELECT sum("version") FROM "Project") AS pv,
           (SELECT count(*) FROM "Indicator") AS indicators, (SELECT sum("version") FROM "Indicator") AS iv,
           (SELECT count(*) FROM "Result") AS results, (SELECT sum("version") FROM "Result") AS rv,
           (SELECT count(*) FROM "Target") AS targets, (SELECT count(*) FROM "Membership") AS members,
           (SELECT count(*) FROM "Invitation") AS invitations, (SELECT count(*) FROM "AuditEvent") AS audit`;
  return JSON.stringify(row, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

beforeAll(async () => {
  // The fuzz is about bodies: its thousands of requests a minute must not meet the token's rate limit.
  process.env.API_TOKEN_REQUESTS_PER_MINUTE = String(1_000_000);
  reloadEnv();
  const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@example.org" } });
  token = newSecretToken("med");
  await db().apiToken.create({ data: { userId: admin.id, name: "fuzz", tokenHash: hashToken(token) } });
  const peru = await projectId("PE-VEN-2021");
  const project = await db().project.findUniqueOrThrow({ where: { id: peru }, include: { periods: true } });
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const result = await db().result.findFirstOrThrow({ where: { indicatorId: indicator.id } });
  const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
  const tumbes = await locationId("PE-TUM");
  const p = { projectId: peru };
  endpoints = [
    {
      name: "create project",
      handler: createProject as Handler,
      method: "POST",
      params: {},
      body: {
        definition: { code: "FZ-1", name: "Fuzz", startDate: "2024-01-01", endDate: "2024-12-31", locations: ["PE"] },
        dryRun: true,
      },
    },
    {
      name: "copy project",
      handler: copyProject as Handler,
      method: "POST",
      params: p,
      body: { code: "FZ-2", name: "Copy", startDate: "2024-01-01", endDate: "2024-12-31", managers: [] },
    },
    {
      name: "edit project",
      handler: projectPatch as Handler,
      method: "PATCH",
      params: p,
      body: {
        version: project.version,
        name: project.name,
        startDate: "2021-01-01",
        endDate: "2021-12-31",
        reportingFrequency: "QUARTERLY",
        onTrackThreshold: 0.9,
        atRiskThreshold: 0.75,
        languages: ["en"],
        locationIds: [tumbes],
      },
    },
    {
      name: "add indicator",
      handler: indicatorPost as Handler,
      method: "POST",
      params: p,
      body: { resultNodeId: indicator.resultNodeId, code: "FZ.1", title: "Fuzz", measure: "COUNT", dimensionKeys: [] },
    },
    {
      name: "edit indicator",
      handler: indicatorPatch as Handler,
      method: "PATCH",
      params: { ...p, indicatorId: indicator.id },
      body: {
        version: indicator.version,
        resultNodeId: indicator.resultNodeId,
        code: indicator.code,
        title: "T",
        measure: "COUNT",
      },
    },
    {
      name: "targets",
      handler: targets as Handler,
      method: "PUT",
      params: p,
      body: { cells: [{ indicatorId: indicator.id, locationId: tumbes, value: 10 }] },
    },
    {
      name: "save results",
      handler: saveResults as Handler,
      method: "POST",
      params: p,
      body: {
        items: [{ indicatorId: indicator.id, periodId: project.periods[0]?.id, locationId: tumbes, value: 1 }],
        submit: false,
      },
    },
    {
      name: "review",
      handler: review as Handler,
      method: "POST",
      params: p,
      body: { decisions: [{ resultId: result.id, version: result.version, decision: "approve" }] },
    },
    {
      name: "results import",
      handler: resultsImport as Handler,
      method: "POST",
      params: p,
      body: {
        format: "csv",
        content: "indicator,location,period,value\nOP1.1.1,PE-TUM,2021-Q4,1\n",
        mapping: { indicator: "indicator", location: "location", period: "period", value: "value" },
        dryRun: true,
      },
    },
    {
      name: "invite",
      handler: invite as Handler,
      method: "POST",
      params: p,
      body: { email: "x@example.org", role: "VIEWER" },
    },
    {
      name: "member role",
      handler: memberPatch as Handler,
      method: "PATCH",
      params: { ...p, userId: viewer.id },
      body: { role: "VIEWER" },
    },
  ];
});

// Values people and attackers send where something else belongs.
const nasty = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "0000-01-01",
    "2021-13-01",
    "2021-02-30",
    "9999-12-31",
    "",
    " ",
    "1,200",
    "1.200,5",
    "NaN",
    "Infinity",
    "-1",
    "1e309",
    "<script>",
    '\'; DROP TABLE "Result"; --',
    "x".repeat(5000),
  ),
  fc.constantFrom(-1, 0, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1),
  fc.constantFrom(null, true, false, [], {}, [null], { a: "\u0000" }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

/** The body with one leaf (or a whole branch) replaced, removed, or a key added. */
function mutate(body: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (body === null || typeof body !== "object") return mode === 0 ? replacement : body;
  const entries = Array.isArray(body) ? body.map((v, i) => [String(i), v] as const) : Object.entries(body);
  if (entries.length === 0 || path.length === 0) return mode === 1 ? replacement : body;
  const [head = 0, ...rest] = path;
  const index = head % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...body };
  const [key, value] = entries[index] ?? ["", null];
  if (mode === 2 && rest.length === 0) {
    if (Array.isArray(copy)) copy.splice(index, 1);
    else delete (copy as Record<string, unknown>)[key];
    return copy;
  }
  if (mode === 3 && rest.length === 0 && !Array.isArray(copy)) {
    (copy as Record<string, unknown>)[`extra\u0000${key}`] = replacement;
    return copy;
  }
  (copy as Record<string, unknown>)[key] = rest.length === 0 ? replacement : mutate(value, rest, replacement, mode);
  return copy;
}

const rawBodies = fc.constantFrom(
  "",
  "{",
  "null",
  "[]",
  '"text"',
  "\uFEFF{}",
  "\uFEFF{",
  '{"items":',
  "\u0000",
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
);

test(`every write endpoint refuses generated bad bodies cleanly (${RUNS} per endpoint)`, {
  timeout: 600_000,
}, async () => {
  let tried = 0;
  let refused = 0;
  for (const endpoint of endpoints) {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 5,
            arbitrary: fc.tuple(fc.array(fc.nat(20), { maxLength: 4 }), nasty, fc.nat(3)).map((t) => ({ t })),
          },
          { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
        ),
        async (input) => {
          const body =
            "raw" in input ? input.raw : JSON.stringify(mutate(endpoint.body, input.t[0], input.t[1], input.t[2]));
          const before = await snapshot();
          const response = await endpoint.handler(
            new Request("http://localhost/api/v1/fuzz", {
              method: endpoint.method,
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body,
            }),
            { params: Promise.resolve(endpoint.params) },
          );
          tried++;
          expect(response.status, `${endpoint.name}: ${body.slice(0, 200)}`).toBeLessThan(500);
          // Invitations have their own hourly limit; the token's own limit must not stand in for the body.
          if (response.status === 429) expect(String((await response.clone().json()).detail)).not.toMatch(/API token/);
          if (response.status >= 400) {
            refused++;
            expect(response.headers.get("content-type"), endpoint.name).toBe("application/problem+json");
            expect(await snapshot(), `${endpoint.name} changed data on a refusal: ${body.slice(0, 200)}`).toBe(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }
  expect(tried).toBe(RUNS * endpoints.length);
  expect(refused).toBeGreaterThan(tried / 2);
});
