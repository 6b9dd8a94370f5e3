import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/platform/auth/options";

/** A cookie's value; one that is not valid percent-encoding is kept as sent (never a 500). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function cookieMap(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), decoded(part.slice(at + 1).trim()));
  }
  return cookies;
}

export type SessionClaims = { userId: string; signedInAt?: number };

/** Who a request's session cookie signed in, and when; null without one. Works outside React rendering. */
export async function sessionOf(request: Request): Promise<SessionClaims | null> {
  const { secret } = authOptions();
  // Only the cookie counts: an Authorization header here is an API token, not a session.
  const req = { cookies: cookieMap(request.headers.get("cookie")), headers: new Headers() };
  const token = await getToken({ req: req as never, secret });
  return typeof token?.sub === "string" ? { userId: token.sub, signedInAt: token.signedInAt } : null;
}
