import { beforeAll, expect, test } from "vitest";
import { POST as review } from "@/app/api/v1/projects/[projectId]/results/review/route";
import { POST as save } from "@/app/api/v1/projects/[projectId]/results/route";
import { db } from "@/lib/platform/db";
import { apiTokenFor, locationId, projectId } from "@/lib/testing/principals";

const tokens: Record<string, string> = {};
let peru: string;
let networks: string;
let q4: string;
let laLibertad: string;

function post(route: typeof save, who: string, body: unknown, path = "results") {
  const request = new Request(`http://localhost/api/v1/projects/${peru}/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return route(request, { params: Promise.resolve({ projectId: peru }) });
}

beforeAll(async () => {
  for (const who of ["evaluator", "manager", "viewer"]) tokens[who] = await apiTokenFor(`${who}@example.org`);
  peru = await projectId("PE-VEN-2021");
  networks = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } })).id;
  q4 = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q4" } })).id;
  laLibertad = await locationId("PE-LAL");
});

test("batch submit through the API: per-item errors, then success, conflict on a stale version, review", async () => {
  const item = { indicatorId: networks, periodId: q4, locationId: laLibertad, value: 3 };
  const invalid = await post(save, "evaluator", { items: [item, { ...item, value: -1 }], submit: true });
  expect(invalid.status).toBe(400);
  expect((await invalid.json()).errors).toEqual([{ field: "items.1.value", message: "negative" }]);

  const saved = await post(save, "evaluator", { items: [item], submit: false });
  expect(saved.status).toBe(200);
  const [result] = (await saved.json()).results;
  expect(result).toMatchObject({ status: "DRAFT", version: 1 });

  await post(save, "evaluator", { items: [{ ...item, value: 4, version: 1 }], submit: true });
  const stale = await post(save, "manager", { items: [{ ...item, value: 5, version: 1 }] });
  expect(stale.status).toBe(409);
  expect((await stale.json()).current).toMatchObject({ value: 4, version: 2 });

  expect((await post(save, "viewer", { items: [item] })).status).toBe(403);
  expect(
    (
      await post(
        review,
        "evaluator",
        { decisions: [{ resultId: result.id, version: 2, decision: "approve" }] },
        "results/review",
      )
    ).status,
  ).toBe(403);
  const approved = await post(
    review,
    "manager",
    { decisions: [{ resultId: result.id, version: 2, decision: "approve" }] },
    "results/review",
  );
  expect(await approved.json()).toEqual({ reviewed: [result.id] });
});

test("a body that is not declared as JSON is refused before anything is read", async () => {
  const request = new Request(`http://localhost/api/v1/projects/${peru}/results`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.evaluator}`, "content-type": "text/plain" },
    body: JSON.stringify({ items: [{ indicatorId: networks, periodId: q4, locationId: laLibertad, value: 1 }] }),
  });
  const response = await save(request, { params: Promise.resolve({ projectId: peru }) });
  expect(response.status).toBe(400);
  expect((await response.json()).errors).toEqual([{ field: "body", message: "contentType" }]);
});

test("a JSON body with a byte-order mark is read; text that cannot be stored is refused by field", async () => {
  const item = { indicatorId: networks, periodId: q4, locationId: laLibertad, value: 1, note: "ok" };
  const raw = (body: string) =>
    save(
      new Request(`http://localhost/api/v1/projects/${peru}/results`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.evaluator}`, "content-type": "application/json" },
        body,
      }),
      { params: Promise.resolve({ projectId: peru }) },
    );
  const before = await db().result.count();
  const withBom = await raw(`\uFEFF${JSON.stringify({ items: [{ ...item, value: -1 }], submit: false })}`);
  expect(withBom.status).toBe(400);
  expect((await withBom.json()).errors).toEqual([{ field: "items.0.value", message: "negative" }]);
  const nul = await raw(JSON.stringify({ items: [{ ...item, note: "a\u0000b" }], submit: false }));
  expect(nul.status).toBe(400);
  expect((await nul.json()).errors).toEqual([{ field: "body.items.0.note", message: "invalidCharacters" }]);
  const surrogate = await raw(
    `{"items":[{"indicatorId":"${networks}","periodId":"${q4}","locationId":"${laLibertad}","value":1,"note":"\\ud800"}],"submit":false}`,
  );
  expect(surrogate.status).toBe(400);
  expect(await db().result.count()).toBe(before);
});

test("a malformed cookie is no session and no 500", async () => {
  const response = await save(
    new Request(`http://localhost/api/v1/projects/${peru}/results`, {
      method: "POST",
      headers: { cookie: "next-auth.session-token=%E0%A4%A; NEXT_LOCALE=%", "content-type": "application/json" },
      body: "{}",
    }),
    { params: Promise.resolve({ projectId: peru }) },
  );
  expect(response.status).toBe(401);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
});

test("a saved value far from the same place's figure the period before comes back with a warning", async () => {
  const callao = await locationId("PE-CAL");
  const q3 = await db().result.findFirstOrThrow({
    where: { indicatorId: networks, locationId: callao, optionId: null, period: { label: "2021-Q3" } },
  });
  const previous = q3.value ?? 0;
  expect(previous).toBeGreaterThan(0);
  const saved = await post(save, "evaluator", {
    items: [{ indicatorId: networks, periodId: q4, locationId: callao, value: previous * 4 }],
  });
  expect(saved.status).toBe(200);
  expect((await saved.json()).warnings).toEqual([{ index: 0, code: "outlier", direction: "higher", previous }]);
});
