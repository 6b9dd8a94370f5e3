// Secrets the app must use again later (a connection's API token or password) are kept sealed with
// AES-256-GCM under CONNECTIONS_KEY: a fresh 12-byte IV each time, the 16-byte tag checked on opening.
// The sealed text is "v1.<iv>.<tag>.<ciphertext>" (base64url). Nothing here logs a secret.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/platform/env";

export class MissingConnectionsKey extends Error {
  constructor() {
    super("CONNECTIONS_KEY is required in production: 32 random bytes as hex or base64 (openssl rand -hex 32).");
    this.name = "MissingConnectionsKey";
  }
}

/** The key: CONNECTIONS_KEY, or in development and tests a fixed one (never in production). */
export function connectionsKey(): Buffer {
  const { CONNECTIONS_KEY: given, NODE_ENV } = env();
  if (given) {
    const key = /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, "hex") : Buffer.from(given, "base64");
    if (key.length !== 32) throw new Error("CONNECTIONS_KEY must be 32 bytes: 64 hex characters or base64.");
    return key;
  }
  if (NODE_ENV === "production") throw new MissingConnectionsKey();
  return createHash("sha256").update("me-dashboard development connections key").digest();
}

export function seal(plain: string, key = connectionsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret; throws when the text was not sealed under this key or was altered. */
export function unseal(sealed: string, key = connectionsKey()): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
