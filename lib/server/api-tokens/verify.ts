import "server-only";
import { hashToken, secretState } from "@/lib/domain/api-tokens/token";
import { DomainError } from "@/lib/domain/errors";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { consumeAttempt } from "@/lib/platform/ops/shared-rate-limit";

/** Thrown when a token has made more requests this minute than API_TOKEN_REQUESTS_PER_MINUTE. */
export class TokenRateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rateLimited", {
      detail: "This API token has made too many requests; try again later",
      extra: { retryAfterSeconds },
      message: "API token rate limit reached",
    });
    this.name = "TokenRateLimited";
  }
}

const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/**
 * The principal of a bearer API token: its owner's current rights, never more. Null when the token
 * is unknown, revoked or expired. Lookup is by hash, so the token itself is never compared or stored.
 * Each request counts against the token's limit in the database, so every app instance shares it.
 */
export async function principalForApiToken(token: string, now = new Date()) {
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || secretState(row, now) !== "active") return null;
  const allowance = await consumeAttempt(db(), `apiToken:${row.id}`, env().API_TOKEN_REQUESTS_PER_MINUTE, 60_000);
  if (!allowance.allowed) throw new TokenRateLimited(allowance.retryAfterSeconds);
  // "Last used" is for people reading the token list: a write a minute is precise enough.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_WRITE_INTERVAL_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return loadPrincipal(row.userId);
}
