// The signature on every webhook delivery, as Stripe signs its own: the header
//   X-ME-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the webhook's secret>
// A receiver recomputes the HMAC over the raw body, compares in constant time and refuses a timestamp
// outside its tolerance window (a replayed old delivery). Pure: no I/O, the clock is passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-ME-Signature";
export const EVENT_HEADER = "X-ME-Event";
export const DELIVERY_HEADER = "X-ME-Delivery";
/** How far a signature's time may be from the receiver's clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The X-ME-Signature header's value for this body at this time (unix seconds). */
export function signBody(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export type Verdict = { ok: true } | { ok: false; reason: "malformed" | "mismatch" | "tooOld" };

/** Whether the header signs this body under the secret, within the tolerance of `now` (unix seconds). */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  now: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Verdict {
  const parts = new Map<string, string[]>();
  for (const piece of (header ?? "").split(",")) {
    const [key, value] = piece.split("=", 2);
    if (key && value) parts.set(key.trim(), [...(parts.get(key.trim()) ?? []), value.trim()]);
  }
  const t = Number(parts.get("t")?.[0]);
  const signatures = parts.get("v1") ?? [];
  if (!Number.isInteger(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(now - t) > toleranceSeconds) return { ok: false, reason: "tooOld" };
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: "mismatch" };
}
