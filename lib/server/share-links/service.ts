import "server-only";
import { z } from "zod";
import { hashToken, newSecretToken, secretState } from "@/lib/domain/api-tokens/token";
import { assertCan, type Principal, requireUserId, type SharePrincipal, userIdOf } from "@/lib/domain/permissions";
import { parseShareOptions, type ShareOptions, shareOptionsSchema } from "@/lib/domain/share-links/options";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { findShareLink } from "./lookup";

export const newShareLinkSchema = z.object({
  label: z.string().trim().min(1, "required").max(120, "tooLong"),
  expiresAt: z
    .date()
    .nullable()
    .refine((d) => d === null || d > new Date(), "expiryInPast"),
  options: shareOptionsSchema,
});

export type NewShareLink = z.input<typeof newShareLinkSchema>;

/** Creates a link; the token is returned once and only its hash is kept. */
export async function createShareLink(principal: Principal, projectId: string, input: NewShareLink) {
  assertCan(principal, "shareLinks.manage", projectId);
  const data = newShareLinkSchema.parse(input);
  const userId = requireUserId(principal);
  const token = newSecretToken("s");
  const link = await db().$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        projectId,
        label: data.label,
        expiresAt: data.expiresAt,
        options: data.options,
        tokenHash: hashToken(token),
        createdById: userId,
      },
    });
    await recordAudit(tx, {
      action: "shareLink.create",
      entityType: "ShareLink",
      entityId: created.id,
      projectId,
      actorUserId: userId,
      after: { label: data.label, expiresAt: data.expiresAt?.toISOString() ?? null, options: data.options },
    });
    return created;
  });
  return { link, token };
}

export async function listShareLinks(principal: Principal, projectId: string) {
  assertCan(principal, "shareLinks.manage", projectId);
  const links = await db().shareLink.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { name: true } } },
  });
  return links.map((l) => ({ ...l, options: parseShareOptions(l.options), state: secretState(l) }));
}

export async function revokeShareLink(principal: Principal, projectId: string, linkId: string) {
  assertCan(principal, "shareLinks.manage", projectId);
  return db().$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: linkId, projectId } });
    if (!link) return false;
    if (link.revokedAt) return true;
    const revokedAt = new Date();
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt } });
    await recordAudit(tx, {
      action: "shareLink.revoke",
      entityType: "ShareLink",
      entityId: link.id,
      projectId,
      actorUserId: userIdOf(principal),
      before: { revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
    });
    return true;
  });
}

/** How often a link's use is written: a donor page under load must not write on every view. */
const USE_WRITE_INTERVAL_MS = 60_000;
/** Views counted in this process since its last write, per link. */
const unwrittenUses = new Map<string, number>();

/**
 * Records a view: the first ever at once and in the audit trail; later ones at most once a minute per
 * link (last use and the views counted since), so reading a donor page is not a write per request.
 */
async function recordUse(
  link: { id: string; projectId: string; useCount: number; lastUsedAt: Date | null },
  now: Date,
) {
  const pending = (unwrittenUses.get(link.id) ?? 0) + 1;
  const due = !link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() >= USE_WRITE_INTERVAL_MS;
  if (!due) {
    unwrittenUses.set(link.id, pending);
    return;
  }
  unwrittenUses.delete(link.id);
  await db().$transaction(async (tx) => {
    await tx.shareLink.update({ where: { id: link.id }, data: { lastUsedAt: now, useCount: { increment: pending } } });
    if (link.useCount === 0) {
      await recordAudit(tx, {
        action: "shareLink.firstAccess",
        entityType: "ShareLink",
        entityId: link.id,
        projectId: link.projectId,
        actorLabel: `share:${link.id}`,
      });
    }
  });
}

export type ShareAccess =
  | { state: "active"; principal: SharePrincipal; label: string; options: ShareOptions }
  | { state: "expired" | "revoked" | "unknown" };

/**
 * Opens a donor link: a read-only principal scoped to the link's one project, or why not. Records the
 * use (at most one write a minute) and the first access in the audit trail, unless the view was counted
 * already (`countView: false`: the kept donor page's render). The token is looked up by its hash and compared in
 * constant time.
 */
export async function openShareLink(
  token: string,
  now = new Date(),
  { countView = true }: { countView?: boolean } = {},
): Promise<ShareAccess> {
  const link = await findShareLink(token);
  if (!link) return { state: "unknown" };
  const state = secretState(link, now);
  if (state !== "active") return { state };
  if (countView) await recordUse(link, now);
  return {
    state,
    principal: { kind: "share", linkId: link.id, projectId: link.projectId },
    label: link.label,
    options: parseShareOptions(link.options),
  };
}
