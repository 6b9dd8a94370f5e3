// A project's outgoing webhooks: kept by its managers (webhooks.manage). The signing secret is made here,
// shown once in the answer to its creation or rotation and kept sealed (lib/platform/sealed-secrets.ts).
// Edits carry the version they were read at (a webhook edited by someone else since is refused, as the
// project's setup edits are); every change is in the audit trail (never the secret).
// Instance webhooks: every function takes `projectId: null` for them; they receive the events of every
// project and are kept by admins (webhooks.manageInstance). They cannot take project.figuresChanged:
// the announced data version is one per webhook, and an instance webhook would need one per project.
import "server-only";
import { randomBytes } from "node:crypto";
import { ZodError } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { webhookInputSchema, webhookUpdateSchema } from "@/lib/domain/webhooks/schema";
import { db, type Tx } from "@/lib/platform/db";
import { assertOutboundUrl } from "@/lib/platform/net/outbound";
import { seal } from "@/lib/platform/sealed-secrets";
import { recordAudit } from "@/lib/server/audit/record";
import { deliverSoon, enqueueEvent } from "./delivery";
import { currentDataVersion, FIGURES_EVENT } from "./figures";

/** How many deliveries the page shows per webhook. */
export const RECENT_DELIVERIES = 10;

const viewFields = {
  id: true,
  url: true,
  events: true,
  active: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;
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

const newSecret = () => `whsec_${randomBytes(24).toString("hex")}`;

/** A project's webhooks are its managers'; the instance's (projectId null) are the admins'. */
function assertManages(principal: Principal, projectId: string | null) {
  if (projectId === null) assertCan(principal, "webhooks.manageInstance");
  else assertCan(principal, "webhooks.manage", projectId);
}

/** Refuses project.figuresChanged on an instance webhook, on the events field (see the top). */
function assertEventsFit(projectId: string | null, events: readonly string[] | undefined) {
  if (projectId !== null || !events?.includes(FIGURES_EVENT)) return;
  throw new ZodError([{ code: "custom", path: ["events"], message: "figuresInstance", input: events }]);
}

export async function listWebhooks(principal: Principal, projectId: string | null) {
  assertManages(principal, projectId);
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
export async function createWebhook(principal: Principal, projectId: string | null, raw: unknown) {
  assertManages(principal, projectId);
  const input = webhookInputSchema.parse(raw);
  assertEventsFit(projectId, input.events);
  await assertOutboundUrl(input.url, "url");
  const secret = newSecret();
  const userId = requireUserId(principal);
  const webhook = await db().$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        projectId,
        url: input.url,
        events: input.events,
        secret: seal(secret),
        createdById: userId,
        // Figures changed before it was added are not news to it.
        announcedDataVersion: projectId ? await currentDataVersion(projectId, tx) : null,
      },
      select: viewFields,
    });
    await audit(tx, "webhook.create", projectId, created.id, userId, {
      after: { url: created.url, events: created.events },
    });
    return created;
  });
  return { webhook, secret };
}

/** The webhook as it stands, or notFound (another project's webhook is not found either). */
async function current(tx: Tx, projectId: string | null, webhookId: string) {
  const found = await tx.webhook.findFirst({ where: { id: webhookId, projectId }, select: viewFields });
  if (!found) throw new DomainError("notFound");
  return found;
}

/** Changes the address, the events, or pauses (active: false) or resumes it, from the version read. */
export async function updateWebhook(principal: Principal, projectId: string | null, webhookId: string, raw: unknown) {
  assertManages(principal, projectId);
  const { version, ...change } = webhookUpdateSchema.parse(raw);
  assertEventsFit(projectId, change.events);
  if (change.url) await assertOutboundUrl(change.url, "url");
  const userId = requireUserId(principal);
  return db().$transaction(async (tx) => {
    const before = await current(tx, projectId, webhookId);
    if (before.version !== version) throw stale(before);
    // Newly taking project.figuresChanged: it starts from the figures as they are now.
    const startsFigures = change.events?.includes(FIGURES_EVENT) && !before.events.includes(FIGURES_EVENT);
    const updated = await tx.webhook.updateMany({
      where: { id: webhookId, version },
      data: {
        ...change,
        version: { increment: 1 },
        ...(startsFigures && projectId ? { announcedDataVersion: await currentDataVersion(projectId, tx) } : {}),
      },
    });
    if (!updated.count) throw stale(before);
    const after = await current(tx, projectId, webhookId);
    await audit(tx, "webhook.update", projectId, webhookId, userId, {
      before: { url: before.url, events: before.events, active: before.active },
      after: { url: after.url, events: after.events, active: after.active },
    });
    return after;
  });
}

/**
 * A new signing secret, in the answer only: the old one signs nothing from now on (every attempt, a
 * retry of an older delivery too, is signed with the secret stored when it is sent).
 */
export async function rotateWebhookSecret(
  principal: Principal,
  projectId: string | null,
  webhookId: string,
  version: number,
) {
  assertManages(principal, projectId);
  const userId = requireUserId(principal);
  const secret = newSecret();
  const webhook = await db().$transaction(async (tx) => {
    const before = await current(tx, projectId, webhookId);
    if (before.version !== version) throw stale(before);
    const updated = await tx.webhook.updateMany({
      where: { id: webhookId, version },
      data: { secret: seal(secret), version: { increment: 1 } },
    });
    if (!updated.count) throw stale(before);
    await audit(tx, "webhook.rotateSecret", projectId, webhookId, userId, {});
    return current(tx, projectId, webhookId);
  });
  return { webhook, secret };
}

/** Deletes the webhook and its delivery log. */
export async function deleteWebhook(principal: Principal, projectId: string | null, webhookId: string) {
  assertManages(principal, projectId);
  const userId = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const before = await current(tx, projectId, webhookId);
    await tx.webhook.delete({ where: { id: webhookId } });
    await audit(tx, "webhook.delete", projectId, webhookId, userId, {
      before: { url: before.url, events: before.events },
    });
  });
}

/** A webhook's deliveries, newest first, a page at a time (`cursor`: the last id of the page before). */
export async function listDeliveries(
  principal: Principal,
  projectId: string | null,
  webhookId: string,
  page: { limit: number; cursor?: string },
) {
  assertManages(principal, projectId);
  if (!(await db().webhook.count({ where: { id: webhookId, projectId } }))) throw new DomainError("notFound");
  const rows = await db().webhookDelivery.findMany({
    where: { webhookId },
    select: deliveryFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Sends a "webhook.test" delivery to this webhook (whatever it subscribed to); its id. */
export async function sendTestDelivery(principal: Principal, projectId: string | null, webhookId: string) {
  assertManages(principal, projectId);
  // An address no longer allowed is said on the page, not only as a failed delivery in the log.
  const hook = await db().webhook.findFirst({ where: { id: webhookId, projectId }, select: { url: true } });
  if (hook) await assertOutboundUrl(hook.url);
  const ids = await db().$transaction(async (tx) => {
    await current(tx, projectId, webhookId);
    return enqueueEvent(tx, projectId, "webhook.test", { message: "A test delivery" }, webhookId);
  });
  deliverSoon(ids);
  return ids[0];
}

function stale(before: { version: number }) {
  return new DomainError("stale", {
    detail: "Changed by someone else since it was read",
    extra: { current: before },
  });
}

function audit(
  tx: Tx,
  action: string,
  projectId: string | null,
  webhookId: string,
  userId: string,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  return recordAudit(tx, {
    action,
    entityType: "Webhook",
    entityId: webhookId,
    projectId,
    actorUserId: userId,
    ...(change.before ? { before: JSON.parse(JSON.stringify(change.before)) } : {}),
    ...(change.after ? { after: JSON.parse(JSON.stringify(change.after)) } : {}),
  });
}
