// The app asking itself for a page it keeps (a donor page's rendered output, lib/http/kept-donor-page.ts).
// Such a request carries a key derived from the session secret, which only the app's own instances know;
// proxy.ts then takes the page's nonce from the request and counts no donor view for it (the kept-page
// route counted it). The proxy removes these headers from every request that comes from outside, and
// sets KEPT_PAGE_HEADER (with a key of its own, which opens nothing else) only on a donor page request
// for the kept-page route.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/platform/env";
import { INTERNAL_NONCE_HEADER, INTERNAL_RENDER_HEADER, KEPT_PAGE_HEADER } from "./internal-render-headers";

/** Headers only the app itself may set: removed from every request that comes from outside. */
export const INTERNAL_HEADERS = [INTERNAL_RENDER_HEADER, INTERNAL_NONCE_HEADER, KEPT_PAGE_HEADER] as const;

const NONCE_SHAPE = /^[A-Za-z0-9+/]{16,64}={0,2}$/;

/** What a key lets through: the app's render of a page for itself, or a request the proxy sent to the kept page. */
export type InternalPurpose = "render" | "kept page";

const keys = new Map<InternalPurpose, string>();

/** The key for one purpose the app's instances share (from the session secret): nobody outside can make it. */
export function internalKey(purpose: InternalPurpose): string {
  let key = keys.get(purpose);
  if (!key) {
    key = createHmac("sha256", authSecret()).update(`internal ${purpose}`).digest("base64url");
    keys.set(purpose, key);
  }
  return key;
}

/** Whether a header's value is the key for this purpose (compared in constant time). */
export function isInternalKey(value: string | null | undefined, purpose: InternalPurpose): boolean {
  if (!value) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(internalKey(purpose));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The nonce an internal render asked for, when it has a nonce's shape. */
export function requestedNonce(value: string | null | undefined): string | null {
  return value && NONCE_SHAPE.test(value) ? value : null;
}
