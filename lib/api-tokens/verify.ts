import "server-only";
import { loadPrincipal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { hashToken, secretState } from "./token";

/**
 * The principal of a bearer API token: its owner's current rights, never more. Null when the token
 * is unknown, revoked or expired. Lookup is by hash, so the token itself is never compared or stored.
 */
export async function principalForApiToken(token: string, now = new Date()) {
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || secretState(row, now) !== "active") return null;
  await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return loadPrincipal(row.userId);
}
