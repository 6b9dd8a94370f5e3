// A project's outgoing webhooks: kept by its managers (webhooks.manage). The signing secret is made here,
// shown once in the answer to its creation and kept sealed (lib/platform/sealed-secrets.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { webhookInputSchema } from "@/lib/domain/webhooks/schema";
import { db } from "@/lib/platform/db";
import { assertOutboundUrl } from "@/lib/platform/net/outbound";
import { seal } from "@/lib/platform/sealed-secrets";
import { deliverSoon, enqueueEvent } from "./delivery";

/** How many deliveries the page shows per webhook. */
export const RECENT_DELIVERIES = 10;

const viewFields = { id: true, url: true, events: true, active: true, createdAt: true } as const;
const deliveryFields = {
  id: true,
  event: true,
  status: true,
  attempts: true,
  responseCode: true,
  lastError: true,
  nextAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
} as const;

export async function listWebhooks(principal: Principal, projectId: string) {
  assertCan(principal, "webhooks.manage", projectId);
  return db().webhook.findMany({
    where: { projectId },
    select: {
      ...viewFields,
      deliveries: { select: deliveryFields, orderBy: { createdAt: "desc" }, take: RECENT_DELIVERIES },
    },
    orderBy: { createdAt: "asc" },
  });
}

/** Adds a webhook; the answer holds its signing secret, never shown again. */
export async function createWebhook(principal: Principal, projectId: string, raw: unknown) {
  assertCan(principal, "webhooks.manage", projectId);
  const input = webhookInputSchema.parse(raw);
  await assertOutboundUrl(input.url, "url");
  const secret = `whsec_${randomBytes(24).toString("hex")}`;
  const webhook = await db().webhook.create({
    data: {
      projectId,
      url: input.url,
      events: input.events,
      secret: seal(secret),
      createdById: requireUserId(principal),
    },
    select: viewFields,
  });
  return { webhook, secret };
}

/** Deletes the webhook and its delivery log. */
export async function deleteWebhook(principal: Principal, projectId: string, webhookId: string) {
  assertCan(principal, "webhooks.manage", projectId);
  const { count } = await db().webhook.deleteMany({ where: { id: webhookId, projectId } });
  if (!count) throw new DomainError("notFound");
}

/** Sends a "webhook.test" delivery to this webhook (whatever it subscribed to); its id. */
export async function sendTestDelivery(principal: Principal, projectId: string, webhookId: string) {
  assertCan(principal, "webhooks.manage", projectId);
  const ids = await db().$transaction(async (tx) => {
    if (!(await tx.webhook.count({ where: { id: webhookId, projectId } }))) throw new DomainError("notFound");
    return enqueueEvent(tx, projectId, "webhook.test", { message: "A test delivery" }, webhookId);
  });
  deliverSoon(ids);
  return ids[0];
}
