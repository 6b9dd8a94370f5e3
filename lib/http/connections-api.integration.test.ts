// Keeping connections through the API with API tokens, against a local server answering as KoboToolbox:
// a manager adds one (its token sealed, in no answer), tests it, syncs it and reads the paged history; an
// evaluator may test and sync but not add; a sync while one runs, a stale edit and another project's path
// are refused; the OpenAPI document describes each operation.
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  DELETE as deleteRoute,
  PATCH as patchRoute,
} from "@/app/api/v1/projects/[projectId]/connections/[connectionId]/route";
import {
  GET as historyRoute,
  POST as syncRoute,
} from "@/app/api/v1/projects/[projectId]/connections/[connectionId]/syncs/route";
import { POST as testRoute } from "@/app/api/v1/projects/[projectId]/connections/[connectionId]/test/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/projects/[projectId]/connections/route";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { openApiDocument } from "@/lib/http/openapi";
import { db } from "@/lib/platform/db";
import { type FakeServer, fakeKobo } from "@/lib/testing/fake-survey-servers";
import { midlineHouseholds } from "@/lib/testing/kobo-workbook";
import { apiTokenFor, projectId } from "@/lib/testing/principals";
import { addMidlineSurvey } from "@/lib/testing/survey-setup";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tokens: Record<string, string> = {};
const token = "api-test-kobo-token";
let peru: string;
let kobo: FakeServer;

function call(
  handler: Handler,
  who: string,
  method: string,
  params: Record<string, string>,
  body?: unknown,
  query = "",
) {
  return handler(
    new Request(`http://localhost/api/v1/projects/x/connections${query}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}

beforeAll(async () => {
  for (const who of ["admin", "manager", "evaluator", "viewer"]) tokens[who] = await apiTokenFor(`${who}@example.org`);
  peru = await addMidlineSurvey(db());
  await db().project.update({
    where: { id: peru },
    data: {
      surveyRules: surveyRulesSchema.parse({
        place: "region",
        date: "today",
        indicators: [{ indicator: "G.1", kind: "share", condition: "accessed_service = yes" }],
      }),
    },
  });
  // The midline households as KoboToolbox's data endpoint answers them (groups as path prefixes).
  const submissions = midlineHouseholds.map((h, n) => ({
    _id: 7000 + n,
    today: h.today,
    "location/region": h.region,
    "protection/accessed_service": h.protection,
    _uuid: `00000000-0000-4000-a000-${String(n).padStart(12, "0")}`,
    _submission_time: `${h.today}T15:00:00`,
  }));
  kobo = await fakeKobo({ assetUid: "aApiForm", token, name: "API household survey", submissions });
});

afterAll(async () => {
  await kobo?.close();
});

test("a manager adds, tests, syncs, edits and deletes a connection through the API; others only as allowed", async () => {
  const at = { projectId: peru };
  const input = { name: "API survey", kind: "KOBO", serverUrl: kobo.url, assetUid: "aApiForm", token };
  for (const who of ["evaluator", "viewer", "admin"])
    expect((await call(createRoute, who, "POST", at, input)).status, who).toBe(403);
  const bad = await call(createRoute, "manager", "POST", at, { ...input, token: undefined, serverUrl: "ftp://x" });
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
    "body.serverUrl",
    "body.token",
  ]);

  const created = await call(createRoute, "manager", "POST", at, input);
  expect(created.status).toBe(200);
  const { connection } = await created.json();
  expect(connection).toMatchObject({ name: "API survey", kind: "KOBO", status: "OK", version: 1, pushOn: false });
  expect(JSON.stringify(connection)).not.toContain(token);
  const stored = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });

  const listed = await call(listRoute, "evaluator", "GET", at);
  expect(listed.status).toBe(200);
  const text = await listed.text();
  expect(JSON.parse(text).connections).toContainEqual(expect.objectContaining({ id: connection.id }));
  expect(text).not.toContain(token);
  expect(text).not.toContain(stored.secret);
  expect((await call(listRoute, "viewer", "GET", at)).status).toBe(403);

  const one = { projectId: peru, connectionId: connection.id };
  expect((await call(testRoute, "viewer", "POST", one)).status).toBe(403);
  const tested = await call(testRoute, "evaluator", "POST", one);
  expect(tested.status).toBe(200);
  expect(await tested.json()).toEqual({
    ok: true,
    form: { name: "API household survey", submissions: midlineHouseholds.length, version: "vSv6mHdpf7x5FjR3nYCq8o" },
  });

  // A sync while another one holds the connection (its lease) is refused, and runs once it is let go.
  const hold = (lockedUntil: Date | null) =>
    db().connection.update({ where: { id: connection.id }, data: { lockedUntil } });
  await hold(new Date(Date.now() + 60_000));
  const busy = await call(syncRoute, "evaluator", "POST", one);
  expect(busy.status).toBe(409);
  expect(await busy.json()).toMatchObject({ code: "conflict" });
  await hold(null);
  expect((await call(syncRoute, "viewer", "POST", one)).status).toBe(403);
  const synced = await call(syncRoute, "evaluator", "POST", one);
  expect(synced.status).toBe(200);
  const { sync } = await synced.json();
  expect(sync).toMatchObject({ trigger: "manual", status: "DONE", read: midlineHouseholds.length, applied: true });
  expect(sync.changed).toBeGreaterThan(0);
  expect(sync.values.length).toBe(sync.changed);
  expect(sync.values[0]).toMatchObject({ indicator: "G.1" });
  const again = await (await call(syncRoute, "manager", "POST", one)).json();
  expect(again.sync).toMatchObject({ status: "DONE", read: 0, changed: 0 });

  // The history, newest first, a page at a time.
  const first = await call(historyRoute, "evaluator", "GET", one, undefined, "?limit=1");
  expect(first.status).toBe(200);
  const page1 = await first.json();
  expect(page1.syncs.map((s: { id: string }) => s.id)).toEqual([again.sync.id]);
  expect(page1.nextCursor).toBe(again.sync.id);
  const page2 = await (
    await call(historyRoute, "evaluator", "GET", one, undefined, `?limit=1&cursor=${page1.nextCursor}`)
  ).json();
  expect(page2.syncs.map((s: { id: string }) => s.id)).toEqual([sync.id]);
  expect(page2.syncs[0].changed).toBe(sync.changed);
  const page3 = await (
    await call(historyRoute, "evaluator", "GET", one, undefined, `?limit=1&cursor=${page2.syncs[0].id}`)
  ).json();
  expect(page3).toEqual({ syncs: [], nextCursor: null });
  expect((await call(historyRoute, "viewer", "GET", one)).status).toBe(403);
  expect((await call(historyRoute, "manager", "GET", one, undefined, "?limit=0")).status).toBe(400);

  // Another project's path (the manager manages it too): the connection is not there.
  const stranger = { projectId: await projectId("SA-HIV-MOB"), connectionId: connection.id };
  expect((await call(historyRoute, "manager", "GET", stranger)).status).toBe(404);
  expect((await call(testRoute, "manager", "POST", stranger)).status).toBe(404);
  expect((await call(syncRoute, "manager", "POST", stranger)).status).toBe(404);
  expect((await call(patchRoute, "manager", "PATCH", stranger, { ...input, version: 1 })).status).toBe(404);
  expect((await call(deleteRoute, "manager", "DELETE", stranger)).status).toBe(404);

  // Edits name the version read; blank credentials keep the sealed ones.
  const edit = { name: "API survey (renamed)", kind: "KOBO", serverUrl: kobo.url, assetUid: "aApiForm", version: 1 };
  expect((await call(patchRoute, "evaluator", "PATCH", one, edit)).status).toBe(403);
  const edited = await call(patchRoute, "manager", "PATCH", one, edit);
  expect(edited.status).toBe(200);
  expect((await edited.json()).connection).toMatchObject({ name: "API survey (renamed)", version: 2 });
  expect((await db().connection.findUniqueOrThrow({ where: { id: connection.id } })).secret).toBe(stored.secret);
  const stale = await call(patchRoute, "manager", "PATCH", one, { ...edit, name: "Older page" });
  expect(stale.status).toBe(409);
  expect(await stale.json()).toMatchObject({ code: "conflict", current: { version: 2 } });

  expect((await call(deleteRoute, "evaluator", "DELETE", one)).status).toBe(403);
  expect((await call(deleteRoute, "manager", "DELETE", one)).status).toBe(200);
  expect((await call(deleteRoute, "manager", "DELETE", one)).status).toBe(404);
  expect((await call(historyRoute, "manager", "GET", one)).status).toBe(404);
});

test("the OpenAPI document describes the connection, test, sync and history operations", () => {
  const paths = openApiDocument().paths as Record<string, Record<string, { operationId: string }>>;
  const ops = (p: string) =>
    Object.values(paths[p] ?? {})
      .map((o) => o.operationId)
      .sort();
  const base = "/api/v1/projects/{projectId}/connections";
  expect(ops(base)).toEqual(["createConnection", "listConnections"]);
  expect(ops(`${base}/{connectionId}`)).toEqual(["deleteConnection", "updateConnection"]);
  expect(ops(`${base}/{connectionId}/test`)).toEqual(["testConnection"]);
  expect(ops(`${base}/{connectionId}/syncs`)).toEqual(["listConnectionSyncs", "runConnectionSync"]);
  const listed = JSON.stringify(paths[base]?.get);
  expect(listed).not.toMatch(/"token"|"password"|"appUserToken"/);
  expect(JSON.stringify(paths[base]?.post)).toContain("write-only");
});
