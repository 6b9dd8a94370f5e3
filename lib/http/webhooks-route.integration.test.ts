// The webhooks API with API tokens: a manager lists, adds (the secret in that answer only), edits, pauses,
// rotates the secret of and deletes a webhook and reads its deliveries; others are refused; a stale edit
// is a 409; the OpenAPI document describes every operation.
import { beforeAll, expect, test } from "vitest";
import { GET as deliveriesRoute } from "@/app/api/v1/projects/[projectId]/webhooks/[webhookId]/deliveries/route";
import {
  DELETE as deleteRoute,
  PATCH as patchRoute,
} from "@/app/api/v1/projects/[projectId]/webhooks/[webhookId]/route";
import { POST as rotateRoute } from "@/app/api/v1/projects/[projectId]/webhooks/[webhookId]/secret/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/projects/[projectId]/webhooks/route";
import { openApiDocument } from "@/lib/http/openapi";
import { db } from "@/lib/platform/db";
import { unseal } from "@/lib/platform/sealed-secrets";
import { apiTokenFor, projectId } from "@/lib/testing/principals";

const tokens: Record<string, string> = {};
let peru: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(
  handler: Handler,
  who: string,
  method: string,
  params: Record<string, string>,
  body?: unknown,
  query = "",
) {
  const request = new Request(`http://localhost/api/v1/projects/x/webhooks${query}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  for (const who of ["admin", "manager", "evaluator", "viewer"]) tokens[who] = await apiTokenFor(`${who}@example.org`);
  peru = await projectId("PE-VEN-2021");
});

test("a manager keeps a project's webhooks through the API; nobody else may", async () => {
  const at = { projectId: peru };
  const input = { url: "https://example.org/api-hook", events: ["results.approved", "project.figuresChanged"] };
  for (const who of ["admin", "evaluator", "viewer"]) {
    expect((await call(createRoute, who, "POST", at, input)).status, who).toBe(403);
    expect((await call(listRoute, who, "GET", at)).status, who).toBe(403);
  }
  const bad = await call(createRoute, "manager", "POST", at, { url: "ftp://x", events: ["nope"] });
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["body.events", "body.url"]);

  const created = await call(createRoute, "manager", "POST", at, input);
  expect(created.status).toBe(200);
  const { webhook, secret } = await created.json();
  expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
  expect(webhook).toMatchObject({ ...input, active: true, version: 1 });
  expect(unseal((await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).secret)).toBe(secret);
  const listed = await (await call(listRoute, "manager", "GET", at)).json();
  expect(listed.webhooks).toContainEqual(expect.objectContaining({ id: webhook.id, url: input.url }));
  expect(JSON.stringify(listed)).not.toContain(secret);

  const one = { projectId: peru, webhookId: webhook.id };
  for (const who of ["admin", "evaluator", "viewer"]) {
    expect((await call(patchRoute, who, "PATCH", one, { version: 1, active: false })).status, who).toBe(403);
    expect((await call(rotateRoute, who, "POST", one, { version: 1 })).status, who).toBe(403);
    expect((await call(deliveriesRoute, who, "GET", one)).status, who).toBe(403);
    expect((await call(deleteRoute, who, "DELETE", one)).status, who).toBe(403);
  }
  const paused = await call(patchRoute, "manager", "PATCH", one, {
    version: 1,
    active: false,
    events: ["period.locked"],
  });
  expect(paused.status).toBe(200);
  expect((await paused.json()).webhook).toMatchObject({ active: false, events: ["period.locked"], version: 2 });
  const stale = await call(patchRoute, "manager", "PATCH", one, { version: 1, active: true });
  expect(stale.status).toBe(409);
  expect(await stale.json()).toMatchObject({ code: "conflict" });

  const rotated = await call(rotateRoute, "manager", "POST", one, { version: 2 });
  expect(rotated.status).toBe(200);
  const fresh = await rotated.json();
  expect(fresh.secret).not.toBe(secret);
  expect(fresh.webhook.version).toBe(3);
  expect(unseal((await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).secret)).toBe(fresh.secret);

  const log = await call(deliveriesRoute, "manager", "GET", one, undefined, "?limit=5");
  expect(log.status).toBe(200);
  expect(await log.json()).toEqual({ deliveries: [], nextCursor: null });
  expect((await call(deliveriesRoute, "manager", "GET", one, undefined, "?limit=0")).status).toBe(400);

  // Another project's manager path: the webhook is not found there.
  const other = { projectId: await projectId("SA-HIV-MOB"), webhookId: webhook.id };
  // manager@example.org manages SA-HIV-MOB too: allowed there, the webhook is simply not found, and stays.
  expect((await call(deleteRoute, "manager", "DELETE", other)).status).toBe(404);
  expect(await db().webhook.count({ where: { id: webhook.id } })).toBe(1);
  expect((await call(deleteRoute, "manager", "DELETE", one)).status).toBe(200);
  expect((await call(deleteRoute, "manager", "DELETE", one)).status).toBe(404);
  expect(await db().auditEvent.count({ where: { entityType: "Webhook", entityId: webhook.id } })).toBe(4);
});

test("the OpenAPI document describes the webhook operations", () => {
  const paths = openApiDocument().paths as Record<string, Record<string, { operationId: string }>>;
  const ops = (p: string) =>
    Object.values(paths[p] ?? {})
      .map((o) => o.operationId)
      .sort();
  expect(ops("/api/v1/projects/{projectId}/webhooks")).toEqual(["createWebhook", "listWebhooks"]);
  expect(ops("/api/v1/projects/{projectId}/webhooks/{webhookId}")).toEqual(["deleteWebhook", "updateWebhook"]);
  expect(ops("/api/v1/projects/{projectId}/webhooks/{webhookId}/secret")).toEqual(["rotateWebhookSecret"]);
  expect(ops("/api/v1/projects/{projectId}/webhooks/{webhookId}/deliveries")).toEqual(["listWebhookDeliveries"]);
});
