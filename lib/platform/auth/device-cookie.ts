// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
// signed in to an account gets a signed cookie naming that account and a random nonce. Its later
// sign-ins to that account are limited per cookie only, so guesses from elsewhere never lock the
// owner's own browsers out (lib/platform/auth/sign-in-limit.ts).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/platform/env";

/** How long a browser stays known: a year from its last sign-in (each sign-in issues a new cookie). */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const NAME = "me-device-";
// Over HTTPS the name carries __Host-: the browser then keeps it only if it is Secure, host-only, path /.
const SECURE_NAME = `__Host-${NAME}`;

export type DeviceCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; maxAge: number };
};

function signer(secret: string) {
  const key = createHmac("sha256", secret).update("me-dashboard device cookie v1").digest();
  return (...parts: string[]) => createHmac("sha256", key).update(parts.join("\n")).digest("base64url");
}

/**
 * One cookie per account a browser signed in to (several people may share a computer), named by a
 * keyed hash of the e-mail, so the cookie jar does not list whose accounts were used.
 */
function cookieSuffix(email: string, secret: string): string {
  return signer(secret)("name", email).slice(0, 16);
}

/** A new device cookie for a browser that has just signed in to `email`. */
export function issueDeviceCookie(
  email: string,
  secure: boolean,
  secret = authSecret(),
  now = Date.now(),
): DeviceCookie {
  const nonce = randomBytes(16).toString("base64url");
  const issued = String(Math.floor(now / 1000));
  const value = [nonce, issued, signer(secret)("device", email, nonce, issued)].join(".");
  return {
    name: (secure ? SECURE_NAME : NAME) + cookieSuffix(email, secret),
    value,
    options: { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS },
  };
}

function cookies(header: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) found.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return found;
}

/**
 * The nonce of a valid device cookie for `email` among the request's cookies (signed by this
 * deployment, for this account, not older than a year), or null: the browser is then untrusted.
 */
export function trustedDevice(email: string, headers: Headers, secret = authSecret(), now = Date.now()) {
  const jar = cookies(headers.get("cookie"));
  const suffix = cookieSuffix(email, secret);
  const sign = signer(secret);
  for (const name of [SECURE_NAME + suffix, NAME + suffix]) {
    const [nonce, issued, signature, extra] = (jar.get(name) ?? "").split(".");
    if (!nonce || !issued || !signature || extra !== undefined) continue;
    const expected = Buffer.from(sign("device", email, nonce, issued));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) continue;
    const age = now / 1000 - Number(issued);
    if (age >= 0 && age <= DEVICE_COOKIE_MAX_AGE_SECONDS) return nonce;
  }
  return null;
}
