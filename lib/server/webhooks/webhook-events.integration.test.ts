// The events beyond a review (submitted values, a locked period, changed figures), editing a webhook
// (pause, resume, rotate, stale edits), and the sweep pruning the delivery log.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ZodError } from "zod";
import { ForbiddenError } from "@/lib/domain/permissions";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { importResultsFile } from "@/lib/server/results/import/file";
import { setPeriodLock } from "@/lib/server/schedule/service";
import { namedColumns } from "@/lib/testing/import-mapping";
import { addDailyPeriods } from "@/lib/testing/periods";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { receiver } from "@/lib/testing/webhook-receiver";
import { configureDeliveries, deliveriesSettled, pruneDeliveries } from "./delivery";
import { createWebhook, deleteWebhook, listDeliveries, rotateWebhookSecret, updateWebhook } from "./service";
import { sweepWebhooks } from "./sweep";

let project: string;
let key: { indicatorId: string; periodId: string; locationId: string; optionId: null };
const servers: { close: () => Promise<unknown> }[] = [];

beforeAll(async () => {
  configureDeliveries({ delaysMs: [0, 0, 0, 0, 0], timeoutMs: 5_000 });
  project = await projectId("PE-VEN-2021");
  const indicatorId = (await db().indicator.findFirstOrThrow({ where: { projectId: project, code: "OP1.1.2" } })).id;
  const periodId = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: project, label: "2021-Q4" } }))
    .id;
  key = { indicatorId, periodId, locationId: await locationId("PE-LIM"), optionId: null };
});

afterAll(async () => {
  await deliveriesSettled();
  await Promise.all(servers.map((s) => s.close()));
  await stopJobQueue();
});

async function hookFor(email: string, events: string[]) {
  const hook = await receiver([]);
  servers.push(hook);
  const created = await createWebhook(await principalFor(email), project, { url: hook.url, events });
  hook.state.secret = created.secret;
  return { hook, ...created };
}

const bodies = (hook: { received: { body: string }[] }) => hook.received.map((r) => JSON.parse(r.body));

/** A second manager of the project, whose role the test changes. */
async function secondManager() {
  const user = await db().user.create({
    data: {
      email: `hooks.owner.${Date.now()}@example.org`,
      name: "Owner",
      passwordHash: "x",
      memberships: { create: { projectId: project, role: "MANAGER" } },
    },
  });
  return user;
}

test("submitted values reach a webhook whose owner may read them, and none whose owner lost that right", async () => {
  const owner = await secondManager();
  const kept = await hookFor("manager@example.org", ["results.submitted", "results.returned"]);
  const lost = await hookFor(owner.email, ["results.submitted", "results.returned"]);
  // The owner is now a viewer: they may no longer read unapproved values, so their webhook gets none.
  await db().membership.updateMany({ where: { userId: owner.id, projectId: project }, data: { role: "VIEWER" } });
  const evaluator = await principalFor("evaluator@example.org");
  await db().result.deleteMany({ where: key });
  const [submitted] = await saveResults(evaluator, project, [{ ...key, value: 11 }], true);
  await deliveriesSettled();
  expect(kept.hook.received.map((r) => [r.verified, r.headers["x-me-event"]])).toEqual([[true, "results.submitted"]]);
  expect(bodies(kept.hook)[0].data.results).toEqual([
    expect.objectContaining({ id: submitted?.id, status: "SUBMITTED", value: 11, indicatorCode: "OP1.1.2" }),
  ]);
  expect(typeof bodies(kept.hook)[0].data.dataVersion).toBe("number");
  // A return is not approved either: the same rule.
  await reviewResults(await principalFor("manager@example.org"), project, [
    { resultId: submitted?.id ?? "", version: submitted?.version ?? 0, decision: "return", comment: "Check" },
  ]);
  await deliveriesSettled();
  expect(kept.hook.received.map((r) => r.headers["x-me-event"])).toEqual(["results.submitted", "results.returned"]);
  expect(lost.hook.received).toEqual([]);
  expect(await db().webhookDelivery.count({ where: { webhookId: lost.webhook.id } })).toBe(0);
  // A draft is not a submission.
  await saveResults(evaluator, project, [{ ...key, value: 12, version: (submitted?.version ?? 0) + 1 }], false);
  await deliveriesSettled();
  expect(kept.hook.received).toHaveLength(2);
  const manager = await principalFor("manager@example.org");
  await deleteWebhook(manager, project, kept.webhook.id);
  await deleteWebhook(manager, project, lost.webhook.id);
});

test("locking a period sends period.locked once (locking it again sends nothing); reopening it sends nothing", async () => {
  const manager = await principalFor("manager@example.org");
  const { hook, webhook } = await hookFor("manager@example.org", ["period.locked"]);
  const period = await db().reportingPeriod.findFirstOrThrow({
    where: { projectId: project, lockedAt: null, label: { not: "2021-Q4" } },
  });
  const locked = await setPeriodLock(manager, project, period.id, true);
  await deliveriesSettled();
  // A second click: the lock keeps its time, and nothing is audited or sent again.
  expect((await setPeriodLock(manager, project, period.id, true))?.lockedAt).toEqual(locked?.lockedAt);
  await deliveriesSettled();
  expect(await db().auditEvent.count({ where: { entityId: period.id, action: "period.lock" } })).toBe(1);
  await setPeriodLock(manager, project, period.id, false, "Reopened by the test");
  await deliveriesSettled();
  expect(hook.received.map((r) => [r.verified, r.headers["x-me-event"]])).toEqual([[true, "period.locked"]]);
  expect(bodies(hook)[0].data).toMatchObject({
    period: { id: period.id, label: period.label },
    dataVersion: expect.any(Number),
  });
  expect(bodies(hook)[0].data.period.lockedAt).not.toBeNull();
  await deleteWebhook(manager, project, webhook.id);
});

test("figures changed are announced by the sweep once, with the newest data version, however many writes", async () => {
  const manager = await principalFor("manager@example.org");
  const evaluator = await principalFor("evaluator@example.org");
  const { hook, webhook } = await hookFor("manager@example.org", ["project.figuresChanged"]);
  await sweepWebhooks();
  await deliveriesSettled();
  expect(hook.received).toEqual([]); // nothing changed since it was added
  const dataVersion = async () =>
    (await db().project.findUniqueOrThrow({ where: { id: project }, select: { dataVersion: true } })).dataVersion;
  const before = await dataVersion();
  // Two approvals (the version moves with approved figures only: drafts and submissions leave it).
  for (const value of [1, 2]) {
    await db().result.deleteMany({ where: key });
    const [s] = await saveResults(evaluator, project, [{ ...key, value }], true);
    await reviewResults(manager, project, [{ resultId: s?.id ?? "", version: s?.version ?? 0, decision: "approve" }]);
  }
  const after = await dataVersion();
  expect(after).toBeGreaterThan(before + 1);
  await sweepWebhooks();
  await sweepWebhooks();
  expect(hook.received.map((r) => [r.verified, r.headers["x-me-event"]])).toEqual([[true, "project.figuresChanged"]]);
  expect(bodies(hook)[0].data).toEqual({ dataVersion: after, previousDataVersion: before });
  // Paused, it is told nothing; resumed, it hears of the change made meanwhile, once.
  const paused = await updateWebhook(manager, project, webhook.id, { version: webhook.version, active: false });
  await db().result.deleteMany({ where: key });
  await sweepWebhooks();
  expect(hook.received).toHaveLength(1);
  await updateWebhook(manager, project, webhook.id, { version: paused.version, active: true });
  await sweepWebhooks();
  await sweepWebhooks();
  expect(bodies(hook).map((b) => b.data.dataVersion)).toEqual([after, await dataVersion()]);
  await deleteWebhook(manager, project, webhook.id);
});

test("a manager edits, pauses, resumes and rotates a webhook; stale edits and other roles are refused", async () => {
  const manager = await principalFor("manager@example.org");
  const { hook, webhook, secret } = await hookFor("manager@example.org", ["results.approved"]);
  for (const email of ["evaluator@example.org", "viewer@example.org", "admin@example.org"]) {
    const other = await principalFor(email);
    await expect(updateWebhook(other, project, webhook.id, { version: 1, active: false })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(rotateWebhookSecret(other, project, webhook.id, 1)).rejects.toThrow(ForbiddenError);
    await expect(listDeliveries(other, project, webhook.id, { limit: 5 })).rejects.toThrow(ForbiddenError);
  }
  const edited = await updateWebhook(manager, project, webhook.id, {
    version: webhook.version,
    events: ["results.approved", "period.locked"],
  });
  expect(edited).toMatchObject({ events: ["results.approved", "period.locked"], version: webhook.version + 1 });
  // Someone else's edit came first: this one, made from the older version, changes nothing.
  await expect(
    updateWebhook(manager, project, webhook.id, { version: webhook.version, active: false }),
  ).rejects.toMatchObject({
    code: "stale",
  });
  const refused = await updateWebhook(manager, project, webhook.id, { version: edited.version, url: "ftp://x" }).catch(
    (e) => e,
  );
  expect(refused).toBeInstanceOf(ZodError);
  expect((refused as ZodError).issues).toEqual([expect.objectContaining({ path: ["url"], message: "url" })]);
  const paused = await updateWebhook(manager, project, webhook.id, { version: edited.version, active: false });
  expect(paused.active).toBe(false);
  const approve = async (value: number) => {
    const evaluator = await principalFor("evaluator@example.org");
    await db().result.deleteMany({ where: key });
    const [s] = await saveResults(evaluator, project, [{ ...key, value }], true);
    await reviewResults(manager, project, [{ resultId: s?.id ?? "", version: s?.version ?? 0, decision: "approve" }]);
    await deliveriesSettled();
  };
  await approve(21);
  expect(hook.received).toEqual([]);
  const resumed = await updateWebhook(manager, project, webhook.id, { version: paused.version, active: true });
  const rotated = await rotateWebhookSecret(manager, project, webhook.id, resumed.version);
  expect(rotated.secret).not.toBe(secret);
  await expect(rotateWebhookSecret(manager, project, webhook.id, resumed.version)).rejects.toMatchObject({
    code: "stale",
  });
  await approve(22);
  // Signed with the new secret only: the receiver still holding the old one refuses it.
  expect(hook.received.map((r) => r.verified)).toEqual([false]);
  hook.state.secret = rotated.secret;
  await approve(23);
  expect(hook.received.map((r) => r.verified)).toEqual([false, true]);
  const log = await listDeliveries(manager, project, webhook.id, { limit: 1 });
  expect(log.items).toEqual([expect.objectContaining({ status: "DELIVERED", event: "results.approved" })]);
  const next = await listDeliveries(manager, project, webhook.id, { limit: 5, cursor: log.nextCursor ?? "" });
  expect(next.items.map((d) => d.id)).not.toContain(log.items[0]?.id);
  expect(next.items).toHaveLength(1);
  await deleteWebhook(manager, project, webhook.id);
  await expect(updateWebhook(manager, project, webhook.id, { version: 9, active: true })).rejects.toMatchObject({
    code: "notFound",
  });
});

test("the sweep prunes delivered deliveries after 30 days and failed ones after 90", async () => {
  const { webhook } = await hookFor("manager@example.org", ["results.approved"]);
  const day = 86_400_000;
  const now = Date.now();
  const row = (name: string, status: "DELIVERED" | "FAILED" | "PENDING", daysAgo: number) => ({
    id: `prune-${name}-${now}`,
    webhookId: webhook.id,
    event: "results.approved",
    payload: "{}",
    status,
    nextAttemptAt: status === "PENDING" ? new Date(now + day) : null,
    createdAt: new Date(now - daysAgo * day),
  });
  await db().webhookDelivery.createMany({
    data: [
      row("delivered-old", "DELIVERED", 31),
      row("delivered-recent", "DELIVERED", 29),
      row("failed-old", "FAILED", 91),
      row("failed-recent", "FAILED", 60),
      row("pending-old", "PENDING", 120),
    ],
  });
  await sweepWebhooks();
  const left = await db().webhookDelivery.findMany({ where: { webhookId: webhook.id }, select: { id: true } });
  expect(left.map((d) => d.id.replace(/-\d+$/, "")).sort()).toEqual([
    "prune-delivered-recent",
    "prune-failed-recent",
    "prune-pending-old",
  ]);
  expect(await pruneDeliveries()).toBe(0);
  await deleteWebhook(await principalFor("manager@example.org"), project, webhook.id);
});

test("an import's submission is sent as results.submitted, in deliveries of at most 500 values", async () => {
  const { hook, webhook } = await hookFor("manager@example.org", ["results.submitted"]);
  const labels = Array.from({ length: 101 }, (_, i) => `hooks-${i}`);
  await addDailyPeriods(project, labels, Date.UTC(2300, 0, 1));
  const places = ["PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"];
  const lines = [
    "indicator,location,period,option,value",
    ...labels.flatMap((label) => places.map((place) => `OP1.1.2,${place},${label},,3`)),
  ];
  const answer = await importResultsFile(await principalFor("evaluator@example.org"), project, {
    format: "csv",
    source: bytesOf(`${lines.join("\n")}\n`),
    mapping: namedColumns,
    dryRun: false,
    submit: true,
  });
  expect(answer).toMatchObject({ imported: true, values: 505 });
  await deliveriesSettled();
  const sent = bodies(hook).sort((a, b) => a.data.part.index - b.data.part.index);
  expect(sent.map((b) => [b.event, b.data.part, b.data.results.length])).toEqual([
    ["results.submitted", { index: 1, of: 2 }, 500],
    ["results.submitted", { index: 2, of: 2 }, 5],
  ]);
  expect(new Set(sent.flatMap((b) => b.data.results.map((r: { id: string }) => r.id))).size).toBe(505);
  expect(hook.received.every((r) => r.verified)).toBe(true);
  await deleteWebhook(await principalFor("manager@example.org"), project, webhook.id);
});
