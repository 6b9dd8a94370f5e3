import "server-only";
import { z } from "zod";
import { hashToken, newSecretToken, secretState } from "@/lib/domain/api-tokens/token";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, "required").max(80, "tooLong"),
  expiresAt: z
    .date()
    .nullable()
    .refine((d) => d === null || d > new Date(), "expiryInPast"),
});

/** A personal token with its owner's rights; returned once, stored only as a hash. */
export async function createApiToken(user: UserPrincipal, input: z.input<typeof newApiTokenSchema>) {
  const data = newApiTokenSchema.parse(input);
  const token = newSecretToken("med");
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: user.userId, name: data.name, expiresAt: data.expiresAt, tokenHash: hashToken(token) },
    });
    await recordAudit(tx, {
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: created.id,
      actorUserId: user.userId,
      after: { name: data.name, expiresAt: data.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { token, id: row.id };
}

/** The user's own tokens, newest first, never their secret. */
export async function listApiTokens(user: UserPrincipal) {
  const rows = await db().apiToken.findMany({ where: { userId: user.userId }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({ ...r, state: secretState(r) }));
}

/** Revokes one of the user's own tokens; another user's token is not found. */
export async function revokeApiToken(user: UserPrincipal, tokenId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId: user.userId } });
    if (!row) return false;
    if (row.revokedAt) return true;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt } });
    await recordAudit(tx, {
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: row.id,
      actorUserId: user.userId,
      after: { revokedAt: revokedAt.toISOString() },
    });
    return true;
  });
}
