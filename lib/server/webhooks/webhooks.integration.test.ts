// Outgoing webhooks: a manager adds one (its secret shown once), a review's approval reaches a local
// receiver signed, and a receiver that fails is tried again until it answers (the log counts attempts).
import { afterAll, beforeAll, expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { jobQueue, stopJobQueue } from "@/lib/platform/jobs/queue";
import { unseal } from "@/lib/platform/sealed-secrets";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { receiver } from "@/lib/testing/webhook-receiver";
import { configureDeliveries, deliveriesSettled, enqueueEvent, runDueDeliveries } from "./delivery";
import { createWebhook, deleteWebhook, listWebhooks, sendTestDelivery } from "./service";
import { RETRY_CRON, RETRY_JOB, startWebhookRetries } from "./sweep";

let project: string;
let key: { indicatorId: string; periodId: string; locationId: string; optionId: null };
const servers: { close: () => Promise<unknown> }[] = [];

beforeAll(async () => {
  configureDeliveries({ delaysMs: [0, 0, 0, 0, 0], timeoutMs: 5_000 });
  project = await projectId("PE-VEN-2021");
  const indicatorId = (await db().indicator.findFirstOrThrow({ where: { projectId: project, code: "OP1.1.2" } })).id;
  const periodId = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: project, label: "2021-Q4" } }))
    .id;
  key = { indicatorId, periodId, locationId: await locationId("PE-TUM"), optionId: null };
});

afterAll(async () => {
  await deliveriesSettled();
  await Promise.all(servers.map((s) => s.close()));
  await stopJobQueue();
});

/** Submits a value of the test cell and approves it as the manager. */
async function approveOne(value: number) {
  const evaluator = await principalFor("evaluator@example.org");
  const manager = await principalFor("manager@example.org");
  await db().result.deleteMany({ where: key });
  const [submitted] = await saveResults(evaluator, project, [{ ...key, value }], true);
  await reviewResults(manager, project, [
    { resultId: submitted?.id ?? "", version: submitted?.version ?? 0, decision: "approve" },
  ]);
  await deliveriesSettled();
  return submitted?.id ?? "";
}

test("only the project's managers add, list and delete webhooks", async () => {
  const manager = await principalFor("manager@example.org");
  for (const email of ["evaluator@example.org", "viewer@example.org", "admin@example.org"]) {
    const other = await principalFor(email);
    await expect(
      createWebhook(other, project, { url: "http://127.0.0.1:1/x", events: ["results.approved"] }),
    ).rejects.toThrow(ForbiddenError);
    await expect(listWebhooks(other, project)).rejects.toThrow(ForbiddenError);
  }
  await expect(createWebhook(manager, project, { url: "ftp://x", events: [] })).rejects.toThrow();
  const { webhook, secret } = await createWebhook(manager, project, {
    url: "http://127.0.0.1:1/x",
    events: ["results.returned"],
  });
  const stored = await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } });
  expect(stored.secret).not.toContain(secret);
  expect(unseal(stored.secret)).toBe(secret);
  expect(JSON.stringify(await listWebhooks(manager, project))).not.toContain(secret);
  const evaluator = await principalFor("evaluator@example.org");
  await expect(deleteWebhook(evaluator, project, webhook.id)).rejects.toThrow(ForbiddenError);
  await deleteWebhook(manager, project, webhook.id);
  expect(await db().webhook.count({ where: { id: webhook.id } })).toBe(0);
});

test("an approval reaches the receiver signed, with the approved value", async () => {
  const manager = await principalFor("manager@example.org");
  const hook = await receiver([]);
  servers.push(hook);
  const { webhook, secret } = await createWebhook(manager, project, { url: hook.url, events: ["results.approved"] });
  hook.state.secret = secret;
  const resultId = await approveOne(7);
  expect(hook.received).toHaveLength(1);
  const [got] = hook.received;
  expect(got?.verified).toBe(true);
  expect(got?.headers["x-me-event"]).toBe("results.approved");
  const body = JSON.parse(got?.body ?? "{}");
  expect(got?.headers["x-me-delivery"]).toBe(body.id);
  expect(body).toMatchObject({ event: "results.approved", projectId: project });
  expect(body.data.results).toEqual([
    expect.objectContaining({
      id: resultId,
      indicatorCode: "OP1.1.2",
      status: "APPROVED",
      value: 7,
      period: expect.objectContaining({ label: "2021-Q4" }),
      location: expect.objectContaining({ isoCode: "PE-TUM" }),
    }),
  ]);
  expect(typeof body.data.dataVersion).toBe("number");
  const [listed] = (await listWebhooks(manager, project)).filter((w) => w.id === webhook.id);
  expect(listed?.deliveries).toEqual([
    expect.objectContaining({ status: "DELIVERED", attempts: 1, responseCode: 200, event: "results.approved" }),
  ]);
  // The test button sends to this webhook whatever it subscribed to.
  await sendTestDelivery(manager, project, webhook.id);
  await deliveriesSettled();
  expect(hook.received.map((r) => r.headers["x-me-event"])).toEqual(["results.approved", "webhook.test"]);
  expect(hook.received.every((r) => r.verified)).toBe(true);
  await deleteWebhook(manager, project, webhook.id);
});

test("a receiver failing twice gets the delivery on the third attempt; one that always fails is given up", async () => {
  const manager = await principalFor("manager@example.org");
  const flaky = await receiver([500, 503, 200]);
  const down = await receiver([500, 500, 500, 500, 500, 500, 500]);
  servers.push(flaky, down);
  const a = await createWebhook(manager, project, { url: flaky.url, events: ["results.approved"] });
  const b = await createWebhook(manager, project, { url: down.url, events: ["results.approved"] });
  flaky.state.secret = a.secret;
  down.state.secret = b.secret;
  await approveOne(8);
  expect(flaky.received).toHaveLength(1);
  for (let i = 0; i < 6; i++) await runDueDeliveries();
  expect(flaky.received.map((r) => r.verified)).toEqual([true, true, true]);
  // The same delivery, the same body, on every attempt.
  expect(new Set(flaky.received.map((r) => r.headers["x-me-delivery"])).size).toBe(1);
  expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1);
  const log = await listWebhooks(manager, project);
  expect(log.find((w) => w.id === a.webhook.id)?.deliveries).toEqual([
    expect.objectContaining({ status: "DELIVERED", attempts: 3, responseCode: 200, lastError: null }),
  ]);
  expect(down.received).toHaveLength(6);
  expect(log.find((w) => w.id === b.webhook.id)?.deliveries).toEqual([
    expect.objectContaining({
      status: "FAILED",
      attempts: 6,
      responseCode: 500,
      lastError: "HTTP 500",
      nextAttemptAt: null,
    }),
  ]);
});

test("retries are swept by a pg-boss cron job on PostgreSQL (its job delivers what is due), a timer on PGlite", async () => {
  const manager = await principalFor("manager@example.org");
  const hook = await receiver([]);
  servers.push(hook);
  const { webhook, secret } = await createWebhook(manager, project, { url: hook.url, events: ["results.returned"] });
  hook.state.secret = secret;
  const how = await startWebhookRetries();
  const boss = await jobQueue();
  if (process.env.TEST_DATABASE !== "postgres") {
    expect(how).toBe("timer");
    expect(boss).toBeNull();
    return;
  }
  expect(how).toBe("cron");
  expect((await boss?.getSchedules())?.find((s) => s.name === RETRY_JOB)).toMatchObject({ cron: RETRY_CRON });
  // A delivery left due (its first attempt lost with its process) is sent by the job.
  const [id] = await db().$transaction((tx) => enqueueEvent(tx, project, "results.returned", { results: [] }));
  await boss?.send(RETRY_JOB, {});
  for (let i = 0; i < 100 && hook.received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(hook.received.map((r) => [r.verified, r.headers["x-me-delivery"]])).toEqual([[true, id]]);
  await deleteWebhook(manager, project, webhook.id);
});
