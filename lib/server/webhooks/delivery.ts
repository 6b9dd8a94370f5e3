// Sending a webhook's deliveries: each event is a row per subscribed webhook (written in the event's own
// transaction), POSTed signed (lib/domain/webhooks/signature.ts) with a timeout; a 2xx answer delivers it,
// anything else is tried again after 1 min, 5 min, 30 min, 2 h and 6 h, then the delivery fails. The first
// attempt runs right after the event in its process; later ones by a sweep every minute (a pg-boss cron
// job on PostgreSQL, a timer on PGlite). An attempt first takes the row (a lease on nextAttemptAt), so two
// processes never send the same delivery at once.
import "server-only";
import { randomUUID } from "node:crypto";
import type { WebhookEvent } from "@/lib/domain/webhooks/schema";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from "@/lib/domain/webhooks/signature";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { defineJob, scheduleJob } from "@/lib/platform/jobs/queue";
import { outboundFetch } from "@/lib/platform/net/outbound";
import { log } from "@/lib/platform/ops/log";
import { unseal } from "@/lib/platform/sealed-secrets";

type Tx = Prisma.TransactionClient;

export type DeliverySettings = {
  /** The wait before each retry; one attempt more than there are delays. */
  delaysMs: number[];
  timeoutMs: number;
  fetch: typeof fetch;
};

const holder = globalThis as unknown as {
  webhookSettings?: DeliverySettings;
  webhookAttempts?: Set<Promise<unknown>>;
  webhookTimer?: NodeJS.Timeout;
};
holder.webhookSettings ??= {
  delaysMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000],
  timeoutMs: 10_000,
  // Never to a private or local address, unless ALLOW_PRIVATE_NETWORK_TARGETS (SSRF; lib/platform/net).
  fetch: outboundFetch,
};
holder.webhookAttempts ??= new Set();
const running = holder.webhookAttempts;

/** Changes the delays, timeout or fetch (tests make retries immediate). */
export function configureDeliveries(change: Partial<DeliverySettings>) {
  holder.webhookSettings = { ...(holder.webhookSettings as DeliverySettings), ...change };
}
const settings = () => holder.webhookSettings as DeliverySettings;

/** The longest an attempt holds its delivery: past it, a sweep may take the delivery over. */
const leaseMs = () => settings().timeoutMs + 30_000;

/**
 * Queues the event for every active webhook of the project subscribed to it, inside the event's own
 * transaction; returns the deliveries' ids, to send once the transaction has committed.
 */
export async function enqueueEvent(
  tx: Tx,
  projectId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
  onlyWebhookId?: string,
): Promise<string[]> {
  const hooks = await tx.webhook.findMany({
    where: {
      projectId,
      ...(onlyWebhookId ? { id: onlyWebhookId } : { active: true, events: { has: event } }),
    },
    select: { id: true },
  });
  if (!hooks.length) return [];
  const now = new Date();
  const rows = hooks.map((h) => {
    const id = randomUUID();
    const payload = JSON.stringify({ id, event, createdAt: now.toISOString(), projectId, data });
    return { id, webhookId: h.id, event, payload, nextAttemptAt: now };
  });
  await tx.webhookDelivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** Whether any active webhook of the project takes this event (so the event's data is read only then). */
export async function anyoneListens(tx: Tx, projectId: string, event: WebhookEvent): Promise<boolean> {
  return (await tx.webhook.count({ where: { projectId, active: true, events: { has: event } } })) > 0;
}

/** Sends these deliveries now, in this process, without waiting for them (after the event committed). */
export function deliverSoon(ids: string[]) {
  for (const id of ids) {
    const attempt = attemptDelivery(id)
      .catch((error) => log.error({ err: error, deliveryId: id }, "webhook delivery failed"))
      .finally(() => running.delete(attempt));
    running.add(attempt);
  }
}

/** Waits for the attempts started in this process (tests, shutdown). */
export async function deliveriesSettled() {
  while (running.size) await Promise.allSettled([...running]);
}

/** One attempt, if the delivery is due and not held by another attempt; what it ended as. */
export async function attemptDelivery(
  id: string,
  now = new Date(),
): Promise<"delivered" | "retry" | "failed" | "skipped"> {
  const claimed = await db().webhookDelivery.updateMany({
    where: { id, status: "PENDING", nextAttemptAt: { lte: now } },
    data: { nextAttemptAt: new Date(now.getTime() + leaseMs()), attempts: { increment: 1 } },
  });
  if (!claimed.count) return "skipped";
  const delivery = await db().webhookDelivery.findUniqueOrThrow({
    where: { id },
    include: { webhook: { select: { url: true, secret: true } } },
  });
  const { delaysMs, timeoutMs, fetch: send } = settings();
  let code: number | null = null;
  let error: string | null = null;
  try {
    const response = await send(delivery.webhook.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "me-dashboard-webhooks/1",
        [SIGNATURE_HEADER]: signBody(unseal(delivery.webhook.secret), delivery.payload, Math.floor(Date.now() / 1000)),
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.id,
      },
      body: delivery.payload,
    });
    code = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    error = e instanceof Error ? (e.name === "TimeoutError" ? "timeout" : e.message).slice(0, 500) : "error";
  }
  const at = new Date();
  if (!error) {
    await db().webhookDelivery.update({
      where: { id },
      data: { status: "DELIVERED", responseCode: code, lastError: null, nextAttemptAt: null, deliveredAt: at },
    });
    return "delivered";
  }
  const delay = delaysMs[delivery.attempts - 1];
  await db().webhookDelivery.update({
    where: { id },
    data:
      delay === undefined
        ? { status: "FAILED", responseCode: code, lastError: error, nextAttemptAt: null }
        : { responseCode: code, lastError: error, nextAttemptAt: new Date(at.getTime() + delay) },
  });
  return delay === undefined ? "failed" : "retry";
}

/** Sends every delivery that is due (a retry whose time came, or one whose first attempt was lost). */
export async function runDueDeliveries(now = new Date()): Promise<number> {
  const due = await db().webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    select: { id: true },
    take: 100,
  });
  for (const d of due) await attemptDelivery(d.id, now);
  return due.length;
}

export const RETRY_JOB = "webhooks-retry";
export const RETRY_CRON = "* * * * *";

defineJob(RETRY_JOB, async () => {
  await runDueDeliveries();
});

/** At boot: the sweep every minute, by the queue's cron on PostgreSQL or a timer in this process on PGlite. */
export async function startWebhookRetries(): Promise<"cron" | "timer"> {
  if (await scheduleJob(RETRY_JOB, RETRY_CRON)) return "cron";
  holder.webhookTimer ??= setInterval(() => {
    runDueDeliveries().catch((error) => log.error({ err: error }, "webhook retries failed"));
  }, 60_000).unref();
  return "timer";
}
