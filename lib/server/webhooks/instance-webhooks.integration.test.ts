// Instance webhooks (no project): kept by admins only, they receive the subscribed events of every
// project; values not approved yet reach one only while its creator may read them in the event's project
// (the one permissions table: an instance admin may, a former admin who is no member may not).
import { afterAll, beforeAll, expect, test } from "vitest";
import { ZodError } from "zod";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { principalFor, projectId } from "@/lib/testing/principals";
import { receiver } from "@/lib/testing/webhook-receiver";
import { configureDeliveries, deliveriesSettled } from "./delivery";
import { createWebhook, listWebhooks, updateWebhook } from "./service";

type Key = { indicatorId: string; periodId: string | null; locationId: string; optionId: null };
const servers: { close: () => Promise<unknown> }[] = [];
let peru: string;
let other: string;

beforeAll(async () => {
  configureDeliveries({ delaysMs: [0, 0, 0, 0, 0], timeoutMs: 5_000 });
  peru = await projectId("PE-VEN-2021");
  other = await projectId("SA-HIV-MOB");
  // The seeded evaluator and manager enter and review in both projects.
  for (const [email, role] of [
    ["evaluator@example.org", "EVALUATOR"],
    ["manager@example.org", "MANAGER"],
  ] as const) {
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await db().membership.deleteMany({ where: { userId: user.id, projectId: other } });
    await db().membership.create({ data: { userId: user.id, projectId: other, role } });
  }
});

afterAll(async () => {
  await deliveriesSettled();
  await Promise.all(servers.map((s) => s.close()));
  await stopJobQueue();
});

/** A cell of the project holding an approved value (one it takes), emptied; that value. */
async function cellOf(project: string): Promise<{ key: Key; value: number }> {
  const r = await db().result.findFirstOrThrow({
    where: {
      indicator: { projectId: project },
      optionId: null,
      status: "APPROVED",
      value: { not: null },
      period: { lockedAt: null },
    },
    select: { indicatorId: true, periodId: true, locationId: true, value: true },
    orderBy: { id: "asc" },
  });
  const key = { indicatorId: r.indicatorId, periodId: r.periodId, locationId: r.locationId, optionId: null };
  await db().result.deleteMany({ where: key });
  return { key, value: Number(r.value) };
}

/** The evaluator submits a value again in the project; approved by its manager when asked. */
async function submit(project: string, approve: boolean) {
  const { key, value } = await cellOf(project);
  const [submitted] = await saveResults(
    await principalFor("evaluator@example.org"),
    project,
    [{ ...key, value }],
    true,
  );
  if (approve)
    await reviewResults(await principalFor("manager@example.org"), project, [
      { resultId: submitted?.id ?? "", version: submitted?.version ?? 0, decision: "approve" },
    ]);
  await deliveriesSettled();
  return submitted?.id ?? "";
}

async function instanceHook(email: string, events: string[]) {
  const hook = await receiver([]);
  servers.push(hook);
  const created = await createWebhook(await principalFor(email), null, { url: hook.url, events });
  hook.state.secret = created.secret;
  return { hook, ...created };
}

const bodies = (hook: { received: { body: string }[] }) => hook.received.map((r) => JSON.parse(r.body));

test("only admins keep instance webhooks; they cannot take project.figuresChanged", async () => {
  for (const email of ["manager@example.org", "evaluator@example.org", "viewer@example.org"]) {
    const user = await principalFor(email);
    await expect(
      createWebhook(user, null, { url: "http://127.0.0.1:1/x", events: ["results.approved"] }),
    ).rejects.toThrow(ForbiddenError);
    await expect(listWebhooks(user, null)).rejects.toThrow(ForbiddenError);
  }
  const admin = await principalFor("admin@example.org");
  const refusal = await createWebhook(admin, null, {
    url: "http://127.0.0.1:1/x",
    events: ["results.approved", "project.figuresChanged"],
  }).catch((e) => e);
  expect(refusal).toBeInstanceOf(ZodError);
  expect((refusal as ZodError).issues).toEqual([
    expect.objectContaining({ path: ["events"], message: "figuresInstance" }),
  ]);
  const { webhook } = await createWebhook(admin, null, { url: "http://127.0.0.1:1/x", events: ["results.approved"] });
  await expect(
    updateWebhook(admin, null, webhook.id, { version: webhook.version, events: ["project.figuresChanged"] }),
  ).rejects.toThrow(ZodError);
  // An instance webhook is no project's: the project's list does not show it, the instance's does.
  expect((await listWebhooks(await principalFor("manager@example.org"), peru)).map((w) => w.id)).not.toContain(
    webhook.id,
  );
  expect((await listWebhooks(admin, null)).map((w) => w.id)).toEqual([webhook.id]);
  await db().webhook.delete({ where: { id: webhook.id } });
});

test("an admin's instance webhook receives approvals from two projects, signed", async () => {
  const { hook, webhook } = await instanceHook("admin@example.org", ["results.approved"]);
  const first = await submit(peru, true);
  const second = await submit(other, true);
  expect(hook.received.map((r) => [r.verified, r.headers["x-me-event"]])).toEqual([
    [true, "results.approved"],
    [true, "results.approved"],
  ]);
  expect(bodies(hook).map((b) => [b.projectId, b.data.results.map((r: { id: string }) => r.id)])).toEqual([
    [peru, [first]],
    [other, [second]],
  ]);
  await db().webhook.delete({ where: { id: webhook.id } });
});

test("submitted values reach an admin's instance webhook, and none once its creator is no admin", async () => {
  const owner = await db().user.create({
    data: { email: `instance.owner.${Date.now()}@example.org`, name: "Owner", passwordHash: "x", isAdmin: true },
  });
  const kept = await instanceHook("admin@example.org", ["results.submitted"]);
  const lost = await instanceHook(owner.email, ["results.submitted"]);
  // No longer an admin and no member of either project: may not read their unapproved values.
  await db().user.update({ where: { id: owner.id }, data: { isAdmin: false } });
  const first = await submit(peru, false);
  const second = await submit(other, false);
  expect(kept.hook.received.every((r) => r.verified)).toBe(true);
  expect(bodies(kept.hook).map((b) => [b.event, b.projectId, b.data.results.map((r: { id: string }) => r.id)])).toEqual(
    [
      ["results.submitted", peru, [first]],
      ["results.submitted", other, [second]],
    ],
  );
  expect(lost.hook.received).toEqual([]);
  expect(await db().webhookDelivery.count({ where: { webhookId: lost.webhook.id } })).toBe(0);
  // A member of one project again (evaluator): its submissions reach the webhook, the other's do not.
  await db().membership.create({ data: { userId: owner.id, projectId: other, role: "EVALUATOR" } });
  await submit(peru, false);
  const third = await submit(other, false);
  expect(bodies(lost.hook).map((b) => [b.projectId, b.data.results.map((r: { id: string }) => r.id)])).toEqual([
    [other, [third]],
  ]);
});
