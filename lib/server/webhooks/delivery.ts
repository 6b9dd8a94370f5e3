// Sending a webhook's deliveries: each event is a row per subscribed webhook (written in the event's own
// transaction), POSTed signed (lib/domain/webhooks/signature.ts) with a timeout; a 2xx answer delivers it,
// anything else is tried again after 1 min, 5 min, 30 min, 2 h and 6 h, then the delivery fails. The first
// attempt runs right after the event in its process; later ones by a sweep every minute (a pg-boss cron
// job on PostgreSQL, a timer on PGlite). An attempt first takes the row (a lease on nextAttemptAt), so two
// processes never send the same delivery at once. The sweep (./sweep.ts) also announces changed figures
// and prunes the delivery log (delivered deliveries after 30 days, failed ones after 90).
import "server-only";
import { randomUUID } from "node:crypto";
import { can } from "@/lib/domain/permissions";
import { UNAPPROVED_EVENTS, type WebhookEvent } from "@/lib/domain/webhooks/schema";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from "@/lib/domain/webhooks/signature";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { outboundFetch } from "@/lib/platform/net/outbound";
import { log } from "@/lib/platform/ops/log";
import { unseal } from "@/lib/platform/sealed-secrets";

type Tx = Prisma.TransactionClient;

export type DeliverySettings = {
  /** The wait before each retry; one attempt more than there are delays. */
  delaysMs: number[];
  timeoutMs: number;
  fetch: typeof fetch;
  /** How long the log keeps a delivered delivery, and a failed one (kept longer: someone may look into it). */
  keepDeliveredMs: number;
  keepFailedMs: number;
};

const holder = globalThis as unknown as {
  webhookSettings?: DeliverySettings;
  webhookAttempts?: Set<Promise<unknown>>;
};
holder.webhookSettings ??= {
  delaysMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000],
  timeoutMs: 10_000,
  // Never to a private or local address, unless ALLOW_PRIVATE_NETWORK_TARGETS (SSRF; lib/platform/net).
  fetch: outboundFetch,
  keepDeliveredMs: 30 * 86_400_000,
  keepFailedMs: 90 * 86_400_000,
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
 * Whether the user who added the webhook may read the project's unapproved values now (read in the
 * event's transaction, through the one permissions table): a creator removed, demoted to viewer or
 * deactivated, or deleted, no longer passes them on.
 */
async function ownerReadsUnapproved(tx: Tx, projectId: string, createdById: string | null): Promise<boolean> {
  const owner = createdById ? await loadPrincipal(createdById, undefined, tx) : null;
  return owner !== null && can(owner, "results.readUnapproved", projectId);
}

/** The webhooks of the project that take this event (those whose owner may receive it). */
export async function listeners(tx: Tx, projectId: string, event: WebhookEvent, onlyWebhookId?: string) {
  const hooks = await tx.webhook.findMany({
    where: {
      projectId,
      ...(onlyWebhookId ? { id: onlyWebhookId } : { active: true, events: { has: event } }),
    },
    select: { id: true, createdById: true },
  });
  if (!UNAPPROVED_EVENTS.includes(event)) return hooks;
  const allowed = await Promise.all(hooks.map((h) => ownerReadsUnapproved(tx, projectId, h.createdById)));
  return hooks.filter((_, i) => allowed[i]);
}

/**
 * Queues the event for every active webhook of the project subscribed to it (and allowed it), inside the
 * event's own transaction; one delivery per webhook and part of `data`; returns the deliveries' ids, to
 * send once the transaction has committed.
 */
export async function enqueueEvent(
  tx: Tx,
  projectId: string,
  event: WebhookEvent,
  data: Record<string, unknown> | Record<string, unknown>[],
  onlyWebhookId?: string,
): Promise<string[]> {
  const hooks = await listeners(tx, projectId, event, onlyWebhookId);
  if (!hooks.length) return [];
  const now = new Date();
  const parts = Array.isArray(data) ? data : [data];
  const rows = hooks.flatMap((h) =>
    parts.map((part) => {
      const id = randomUUID();
      const payload = JSON.stringify({ id, event, createdAt: now.toISOString(), projectId, data: part });
      return { id, webhookId: h.id, event, payload, nextAttemptAt: now };
    }),
  );
  await tx.webhookDelivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** Whether any webhook of the project takes this event (so the event's data is read only then). */
export async function anyoneListens(tx: Tx, projectId: string, event: WebhookEvent): Promise<boolean> {
  return (await listeners(tx, projectId, event)).length > 0;
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

/** Deletes delivered deliveries older than keepDeliveredMs and failed ones older than keepFailedMs. */
export async function pruneDeliveries(now = new Date()): Promise<number> {
  const { keepDeliveredMs, keepFailedMs } = settings();
  const { count } = await db().webhookDelivery.deleteMany({
    where: {
      OR: [
        { status: "DELIVERED", createdAt: { lt: new Date(now.getTime() - keepDeliveredMs) } },
        { status: "FAILED", createdAt: { lt: new Date(now.getTime() - keepFailedMs) } },
      ],
    },
  });
  return count;
}
