// What a delivery's attempt and the sweep check again, since a retry may come hours after its event: a
// creator who lost the right to unapproved values, a paused webhook, a figures announcement still
// waiting, a webhook deleted mid-attempt, a slow receiver, an address with credentials; and the events'
// own limits (a period locked twice, a huge list of values).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { seal } from "@/lib/platform/sealed-secrets";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { receiver } from "@/lib/testing/webhook-receiver";
import {
  attemptDelivery,
  configureDeliveries,
  deliveriesSettled,
  enqueueEvent,
  OWNER_LOST,
  runDueDeliveries,
} from "./delivery";
import { enqueueResultsEvent } from "./events";
import { createWebhook, deleteWebhook, sendTestDelivery, updateWebhook } from "./service";
import { sweepUnlessRunning, sweepWebhooks } from "./sweep";

const immediate = { delaysMs: [0, 0, 0, 0, 0], timeoutMs: 5_000 };
let project: string;
let key: { indicatorId: string; periodId: string; locationId: string; optionId: null };
const servers: { close: () => Promise<unknown> }[] = [];

beforeAll(async () => {
  configureDeliveries(immediate);
  project = await projectId("PE-VEN-2021");
  const indicatorId = (await db().indicator.findFirstOrThrow({ where: { projectId: project, code: "OP1.1.2" } })).id;
  const periodId = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: project, label: "2021-Q4" } }))
    .id;
  key = { indicatorId, periodId, locationId: await locationId("PE-PIU"), optionId: null };
});

afterAll(async () => {
  await deliveriesSettled();
  await Promise.all(servers.map((s) => s.close()));
  await stopJobQueue();
});

async function listen(answers: number[], options: Parameters<typeof receiver>[1] = {}) {
  const hook = await receiver(answers, options);
  servers.push(hook);
  return hook;
}

async function hookFor(email: string, events: string[], answers: number[] = []) {
  const hook = await listen(answers);
  const created = await createWebhook(await principalFor(email), project, { url: hook.url, events });
  hook.state.secret = created.secret;
  return { hook, ...created };
}

/** The test cell's value submitted by the evaluator (and approved by the manager when asked). */
async function submit(value: number, approve = false) {
  await db().result.deleteMany({ where: key });
  const [saved] = await saveResults(await principalFor("evaluator@example.org"), project, [{ ...key, value }], true);
  if (approve) {
    await reviewResults(await principalFor("manager@example.org"), project, [
      { resultId: saved?.id ?? "", version: saved?.version ?? 0, decision: "approve" },
    ]);
  }
  await deliveriesSettled();
  return saved?.id ?? "";
}

const deliveriesOf = (webhookId: string) =>
  db().webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

test("a retry of unapproved values is not sent once the webhook's creator may no longer read them", async () => {
  const owner = await db().user.create({
    data: {
      email: `hooks.demoted.${Date.now()}@example.org`,
      name: "Owner",
      passwordHash: "x",
      memberships: { create: { projectId: project, role: "MANAGER" } },
    },
  });
  const { hook, webhook } = await hookFor(owner.email, ["results.submitted"], [500]);
  await submit(31);
  expect(hook.received).toHaveLength(1); // the first attempt, refused by the receiver
  const [pending] = await deliveriesOf(webhook.id);
  expect(pending).toMatchObject({ status: "PENDING", attempts: 1 });
  // Demoted to viewer before the retry: the stored values are not sent.
  await db().membership.updateMany({ where: { userId: owner.id, projectId: project }, data: { role: "VIEWER" } });
  await runDueDeliveries();
  expect(hook.received).toHaveLength(1);
  expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: pending?.id } })).toMatchObject({
    status: "FAILED",
    attempts: 2,
    lastError: OWNER_LOST,
    responseCode: null,
    nextAttemptAt: null,
  });
});

test("a paused webhook's retries are held, neither sent nor counted, until it is resumed", async () => {
  const manager = await principalFor("manager@example.org");
  const { hook, webhook } = await hookFor("manager@example.org", ["results.submitted"], [500]);
  await submit(32);
  expect(hook.received).toHaveLength(1);
  const [pending] = await deliveriesOf(webhook.id);
  const paused = await updateWebhook(manager, project, webhook.id, { version: webhook.version, active: false });
  expect(await runDueDeliveries()).toBe(0);
  await sweepWebhooks();
  expect(hook.received).toHaveLength(1);
  expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: pending?.id } })).toMatchObject({
    status: "PENDING",
    attempts: 1,
  });
  // A test delivery, asked for by a manager, still goes to a paused webhook.
  await sendTestDelivery(manager, project, webhook.id);
  await deliveriesSettled();
  expect(hook.received.map((r) => r.headers["x-me-event"])).toEqual(["results.submitted", "webhook.test"]);
  await updateWebhook(manager, project, webhook.id, { version: paused.version, active: true });
  await runDueDeliveries();
  expect(hook.received.map((r) => [r.verified, r.headers["x-me-event"]])).toEqual([
    [true, "results.submitted"],
    [true, "webhook.test"],
    [true, "results.submitted"],
  ]);
  expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: pending?.id } })).toMatchObject({
    status: "DELIVERED",
    attempts: 2,
  });
  await deleteWebhook(manager, project, webhook.id);
});

test("no second figures announcement is queued while one waits; the next one carries the newest version", async () => {
  configureDeliveries({ delaysMs: [3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000] });
  try {
    const { hook, webhook } = await hookFor("manager@example.org", ["project.figuresChanged"], [500]);
    const version = async () =>
      (await db().project.findUniqueOrThrow({ where: { id: project }, select: { dataVersion: true } })).dataVersion;
    const v0 = await version();
    await submit(41, true);
    const v1 = await version();
    await sweepWebhooks(); // announced, refused: tried again in an hour
    expect(hook.received).toHaveLength(1);
    await submit(42, true);
    await sweepWebhooks();
    await sweepWebhooks();
    expect(await deliveriesOf(webhook.id)).toHaveLength(1);
    // The receiver is back when the retry comes; the sweep after it announces what changed meanwhile.
    await db().webhookDelivery.updateMany({ where: { webhookId: webhook.id }, data: { nextAttemptAt: new Date() } });
    await sweepWebhooks();
    await sweepWebhooks();
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    const delivered = hook.received.filter((_, i) => i > 0).map((r) => JSON.parse(r.body).data);
    expect(delivered).toEqual([
      { dataVersion: v1, previousDataVersion: v0 },
      { dataVersion: v2, previousDataVersion: v1 },
    ]);
    expect((await deliveriesOf(webhook.id)).map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);
    await deleteWebhook(await principalFor("manager@example.org"), project, webhook.id);
  } finally {
    configureDeliveries(immediate);
  }
});

/** A webhook.test delivery queued for this webhook without sending it, due `agoMs` ago. */
async function queuedTest(webhookId: string, agoMs: number) {
  const [id] = await db().$transaction((tx) => enqueueEvent(tx, project, "webhook.test", { n: agoMs }, webhookId));
  await db().webhookDelivery.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - agoMs) } });
  return id as string;
}

test("a webhook deleted during its attempt does not stop the sweep: the other webhooks' deliveries go", async () => {
  const manager = await principalFor("manager@example.org");
  let goneId = "";
  const gone = await listen([], { before: () => db().webhook.delete({ where: { id: goneId } }) });
  const a = await createWebhook(manager, project, { url: gone.url, events: ["results.approved"] });
  goneId = a.webhook.id;
  gone.state.secret = a.secret;
  const b = await hookFor("manager@example.org", ["results.approved"]);
  await queuedTest(a.webhook.id, 5_000); // the older: attempted first
  const other = await queuedTest(b.webhook.id, 1_000);
  await expect(runDueDeliveries()).resolves.toBe(2);
  expect(gone.received).toHaveLength(1);
  expect(await db().webhook.count({ where: { id: a.webhook.id } })).toBe(0);
  expect(b.hook.received.map((r) => r.headers["x-me-delivery"])).toEqual([other]);
  await deleteWebhook(manager, project, b.webhook.id);
});

test("a slow receiver costs one timeout a sweep and does not hold up the other webhooks", async () => {
  const manager = await principalFor("manager@example.org");
  configureDeliveries({ timeoutMs: 1_500 });
  try {
    const slow = await listen([], { delayMs: 2_500 });
    const s = await createWebhook(manager, project, { url: slow.url, events: ["results.approved"] });
    slow.state.secret = s.secret;
    let fastAt = 0;
    const fast = await listen([], {
      before: async () => {
        fastAt = Date.now();
      },
    });
    const f = await createWebhook(manager, project, { url: fast.url, events: ["results.approved"] });
    fast.state.secret = f.secret;
    for (const ago of [9_000, 8_000, 7_000]) await queuedTest(s.webhook.id, ago);
    await queuedTest(f.webhook.id, 1_000); // due last
    const start = Date.now();
    await runDueDeliveries();
    expect(fast.received).toHaveLength(1);
    expect(fastAt - start).toBeLessThan(1_500); // not after the slow one's timeout
    // The slow receiver got one attempt (timed out); its other deliveries wait for the next sweep.
    expect(slow.received).toHaveLength(1);
    const log = await deliveriesOf(s.webhook.id);
    expect(log.map((d) => [d.status, d.attempts])).toEqual([
      ["PENDING", 1],
      ["PENDING", 0],
      ["PENDING", 0],
    ]);
    expect(log.map((d) => d.lastError).filter(Boolean)).toEqual(["timeout"]);
    await deleteWebhook(manager, project, s.webhook.id);
    await deleteWebhook(manager, project, f.webhook.id);
  } finally {
    configureDeliveries(immediate);
  }
});

test("a sweep does not start while the last one is still running in this process", async () => {
  const first = sweepUnlessRunning();
  expect(await sweepUnlessRunning()).toBe(false);
  expect(await first).toBe(true);
  expect(await sweepUnlessRunning()).toBe(true);
});

test("an address with a user name or password is refused on its field, and never logged with them", async () => {
  const manager = await principalFor("manager@example.org");
  const withPassword = "https://bob:s3cret@example.org/hook";
  const refusal = async (p: Promise<unknown>) => ((await p.catch((e) => e)) as ZodError).issues;
  await expect(createWebhook(manager, project, { url: withPassword, events: ["results.approved"] })).rejects.toThrow(
    ZodError,
  );
  expect(await refusal(createWebhook(manager, project, { url: withPassword, events: ["results.approved"] }))).toEqual([
    expect.objectContaining({ path: ["url"], message: "urlCredentials" }),
  ]);
  const { hook, webhook } = await hookFor("manager@example.org", ["results.approved"]);
  expect(
    await refusal(updateWebhook(manager, project, webhook.id, { version: webhook.version, url: withPassword })),
  ).toEqual([expect.objectContaining({ path: ["url"], message: "urlCredentials" })]);
  // One saved before this check (written directly here): its failure is logged without the password.
  const address = new URL(hook.url);
  address.username = "bob";
  address.password = "s3cret";
  const old = await db().webhook.create({
    data: { projectId: project, url: address.toString(), events: ["results.approved"], secret: seal("x") },
  });
  const [id] = await db().$transaction((tx) => enqueueEvent(tx, project, "webhook.test", {}, old.id));
  expect(await attemptDelivery(id as string)).toBe("retry");
  const logged = await db().webhookDelivery.findUniqueOrThrow({ where: { id } });
  expect(logged.lastError).toMatch(/credentials/);
  expect(logged.lastError).not.toContain("s3cret");
  expect(logged.lastError).not.toContain("bob");
  expect(hook.received).toEqual([]);
  await db().webhook.delete({ where: { id: old.id } });
  await deleteWebhook(manager, project, webhook.id);
});

test("a results event for tens of thousands of ids reads them in slices (no query past the bind limit)", async () => {
  const { webhook } = await hookFor("manager@example.org", ["results.approved"]);
  const approved = await submit(51, true);
  const ids = [...Array.from({ length: 70_000 }, () => randomUUID()), approved];
  const queued = await db().$transaction((tx) => enqueueResultsEvent(tx, project, "results.approved", ids), {
    timeout: 120_000,
  });
  expect(queued).toHaveLength(1);
  const sent = await db().webhookDelivery.findUniqueOrThrow({ where: { id: queued[0] } });
  expect(sent.webhookId).toBe(webhook.id);
  const data = JSON.parse(sent.payload).data;
  expect(data.results.map((r: { id: string }) => r.id)).toEqual([approved]);
  expect(data.part).toBeUndefined();
  await deleteWebhook(await principalFor("manager@example.org"), project, webhook.id);
}, 180_000);
