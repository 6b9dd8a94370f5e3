// Secret tokens (API tokens, share links): high-entropy random strings, stored only as a SHA-256 hash.
// A hash of a 256-bit random token needs no salt or slow KDF: it cannot be guessed or brute-forced.
import { createHash, randomBytes } from "node:crypto";

export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type SecretState = "active" | "expired" | "revoked";

/** Whether a token or link still works: revocation wins, then expiry. */
export function secretState(secret: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): SecretState {
  if (secret.revokedAt) return "revoked";
  if (secret.expiresAt && secret.expiresAt <= now) return "expired";
  return "active";
}
