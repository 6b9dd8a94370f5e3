// Sending a webhook's deliveries: each event is a row per subscribed webhook (written in the event's own
// transaction), POSTed signed (lib/domain/webhooks/signature.ts) with a timeout; a 2xx answer delivers it,
// anything else is tried again after 1 min, 5 min, 30 min, 2 h and 6 h, then the delivery fails. The first
// attempt runs right after the event in its process; later ones by a sweep every minute (a pg-boss cron
// job on PostgreSQL, a timer on PGlite). An attempt first takes the row (a lease on nextAttemptAt), so two
// processes never send the same delivery at once. The sweep (./sweep.ts) also announces changed figures
// and prunes the delivery log (delivered deliveries after 30 days, failed ones after 90).
// What an attempt checks again, since a retry may come hours after its event: a paused webhook's
// deliveries are held (not sent, not counted) until it is resumed, and values not approved yet are sent
// only while the webhook's creator may still read them.
import "server-only";
import { randomUUID } from "node:crypto";
import { can } from "@/lib/domain/permissions";
import { withoutCredentials } from "@/lib/domain/validation/web-address";
import { UNAPPROVED_EVENTS, type WebhookEvent } from "@/lib/domain/webhooks/schema";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from "@/lib/domain/webhooks/signature";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { type Db, db, type Tx } from "@/lib/platform/db";
import { outboundFetch } from "@/lib/platform/net/outbound";
import { log } from "@/lib/platform/ops/log";
import { unseal } from "@/lib/platform/sealed-secrets";

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
 * Whether the user who added the webhook may read the project's unapproved values now (through the one
 * permissions table): a creator removed, demoted to viewer or deactivated, or deleted, no longer passes
 * them on. Read when the event is queued (in its transaction) and again at each attempt.
 */
async function ownerReadsUnapproved(client: Db | Tx, projectId: string | null, createdById: string | null) {
  const owner = createdById && projectId ? await loadPrincipal(createdById, undefined, client) : null;
  return owner !== null && projectId !== null && can(owner, "results.readUnapproved", projectId);
}

const carriesUnapproved = (event: string) => (UNAPPROVED_EVENTS as readonly string[]).includes(event);

type Listener = { id: string; createdById: string | null };

/**
 * The webhooks that take this event of the project: the project's own and the instance webhooks (no
 * project), those whose owner may receive it, checked in this project (an instance webhook's creator
 * too). With `onlyWebhookId` (the test button), that webhook of this project or, with projectId null,
 * of the instance.
 */
export async function listeners(tx: Tx, projectId: string | null, event: WebhookEvent, onlyWebhookId?: string) {
  const hooks: Listener[] = await tx.webhook.findMany({
    where: onlyWebhookId
      ? { id: onlyWebhookId, projectId }
      : { OR: [{ projectId }, { projectId: null }], active: true, events: { has: event } },
    select: { id: true, createdById: true },
  });
  if (!carriesUnapproved(event)) return hooks;
  const allowed = await Promise.all(hooks.map((h) => ownerReadsUnapproved(tx, projectId, h.createdById)));
  return hooks.filter((_, i) => allowed[i]);
}

/**
 * Queues the event for these webhooks (from `listeners`, read once by the caller, which may skip reading
 * the event's data when there are none) inside the event's own transaction; one delivery per webhook and
 * part of `data`; returns the deliveries' ids, to send once the transaction has committed.
 */
export async function queueFor(
  tx: Tx,
  hooks: Listener[],
  projectId: string | null,
  event: WebhookEvent,
  data: Record<string, unknown> | Record<string, unknown>[],
): Promise<string[]> {
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

/**
 * Queues the event for every active webhook of the project subscribed to it (and allowed it), or for
 * this one webhook only (the test button), inside the event's own transaction; the deliveries' ids.
 */
export async function enqueueEvent(
  tx: Tx,
  projectId: string | null,
  event: WebhookEvent,
  data: Record<string, unknown> | Record<string, unknown>[],
  onlyWebhookId?: string,
): Promise<string[]> {
  return queueFor(tx, await listeners(tx, projectId, event, onlyWebhookId), projectId, event, data);
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

/** The logged reason of a delivery withheld because its webhook's creator lost the right to its values. */
export const OWNER_LOST = "owner may no longer read unapproved values";

/**
 * Deliveries that may be sent now: not while their webhook is paused (held, neither sent nor counted,
 * until it is resumed: a pause stops all traffic, retries included), except a test delivery, which a
 * manager asks for.
 */
const sendable = (now: Date): Prisma.WebhookDeliveryWhereInput => ({
  status: "PENDING",
  nextAttemptAt: { lte: now },
  OR: [{ event: "webhook.test" }, { webhook: { active: true } }],
});

/** The project a delivery's event is about (the payload's projectId; null for an instance test). */
function eventProject(payload: string): string | null {
  const { projectId } = JSON.parse(payload) as { projectId?: unknown };
  return typeof projectId === "string" ? projectId : null;
}

/** Writes an attempt's outcome; nothing when the delivery is gone (its webhook deleted meanwhile). */
async function record(id: string, data: Prisma.WebhookDeliveryUpdateManyMutationInput) {
  await db().webhookDelivery.updateMany({ where: { id }, data });
}

/**
 * One attempt, if the delivery is due, its webhook not paused and no other attempt holds it; what it
 * ended as ("withheld": failed without being sent, its creator no longer allowed its values).
 */
export async function attemptDelivery(
  id: string,
  now = new Date(),
): Promise<"delivered" | "retry" | "failed" | "withheld" | "skipped"> {
  const claimed = await db().webhookDelivery.updateMany({
    where: { id, ...sendable(now) },
    data: { nextAttemptAt: new Date(now.getTime() + leaseMs()), attempts: { increment: 1 } },
  });
  if (!claimed.count) return "skipped";
  const delivery = await db().webhookDelivery.findUnique({
    where: { id },
    select: {
      attempts: true,
      event: true,
      payload: true,
      webhookId: true,
      webhook: { select: { projectId: true, createdById: true } },
    },
  });
  if (!delivery) return "skipped";
  // An instance webhook has no project: the event's project is the one named in its payload.
  const projectId = delivery.webhook.projectId ?? eventProject(delivery.payload);
  const { createdById } = delivery.webhook;
  if (carriesUnapproved(delivery.event) && !(await ownerReadsUnapproved(db(), projectId, createdById))) {
    await record(id, { status: "FAILED", responseCode: null, lastError: OWNER_LOST, nextAttemptAt: null });
    return "withheld";
  }
  // The address and secret as they are now, read only once the checks above passed.
  const hook = await db().webhook.findUnique({
    where: { id: delivery.webhookId },
    select: { url: true, secret: true },
  });
  if (!hook) return "skipped";
  const { delaysMs, timeoutMs, fetch: send } = settings();
  let code: number | null = null;
  let error: string | null = null;
  try {
    const response = await send(hook.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "me-dashboard-webhooks/1",
        [SIGNATURE_HEADER]: signBody(unseal(hook.secret), delivery.payload, Math.floor(Date.now() / 1000)),
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: id,
      },
      body: delivery.payload,
    });
    code = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    // An error may quote the address: never with a user name or password (the log is shown on the page).
    error =
      e instanceof Error
        ? withoutCredentials(e.name === "TimeoutError" ? "timeout" : e.message).slice(0, 500)
        : "error";
  }
  if (!error) {
    await record(id, {
      status: "DELIVERED",
      responseCode: code,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: new Date(),
    });
    return "delivered";
  }
  const delay = delaysMs[delivery.attempts - 1];
  await record(
    id,
    delay === undefined
      ? { status: "FAILED", responseCode: code, lastError: error, nextAttemptAt: null }
      : { responseCode: code, lastError: error, nextAttemptAt: new Date(Date.now() + delay) },
  );
  return delay === undefined ? "failed" : "retry";
}

/** How many webhooks a sweep sends to at once, and the most deliveries it sends one webhook. */
export const SWEEP_LANES = 4;
export const SWEEP_PER_WEBHOOK = 20;

/**
 * Sends the deliveries that are due (retries whose time came, first attempts lost with their process):
 * webhook by webhook, those with the oldest due delivery first, a few webhooks at once, each webhook's in
 * order and at most SWEEP_PER_WEBHOOK of them. A receiver that did not take one is sent no more in this
 * sweep, so a slow or failing receiver costs one lane one timeout a minute and never holds up the
 * others. One attempt's error (a webhook deleted meanwhile, a database hiccup) is logged and the sweep
 * goes on. The number of attempts made.
 */
export async function runDueDeliveries(now = new Date()): Promise<number> {
  const hooks = await db().webhookDelivery.groupBy({
    by: ["webhookId"],
    where: sendable(now),
    _min: { nextAttemptAt: true },
    orderBy: { _min: { nextAttemptAt: "asc" } },
    take: 200,
  });
  const waiting = hooks.map((h) => h.webhookId);
  let attempts = 0;
  const lane = async () => {
    for (let webhookId = waiting.shift(); webhookId !== undefined; webhookId = waiting.shift()) {
      const due = await db().webhookDelivery.findMany({
        where: { webhookId, ...sendable(now) },
        orderBy: { nextAttemptAt: "asc" },
        select: { id: true },
        take: SWEEP_PER_WEBHOOK,
      });
      for (const { id } of due) {
        attempts += 1;
        const outcome = await attemptDelivery(id, now).catch((error) => {
          log.error({ err: error, deliveryId: id }, "webhook delivery failed");
          return "error" as const;
        });
        if (outcome === "retry" || outcome === "failed" || outcome === "error") break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SWEEP_LANES, waiting.length) }, lane));
  return attempts;
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
