// Server actions are refused when called from another site (CSRF), as Next.js refuses them: the request's
// Origin must be the host it was sent to (X-Forwarded-Host, else Host) or one of the allowed origins. Next
// answers such a call 500; the proxy refuses it first with a 403 problem (proxy.ts). The allowed origins
// are the app's public address (APP_URL), given to Next.js too (next.config.ts), so both say the same.
// Imported by next.config.ts: relative imports only.
import { type Env, env } from "../env";

/** Hosts besides the request's own that may call server actions: APP_URL's, when it is set. */
export function actionAllowedOrigins(config: Pick<Env, "APP_URL" | "appUrlGiven"> = env()): string[] {
  return config.appUrlGiven ? [new URL(config.APP_URL).host] : [];
}

/** Whether a request may be a server action, as Next.js tells (a POST with its header or a form's body). */
export function isPossibleAction(method: string, headers: Headers): boolean {
  if (method.toUpperCase() !== "POST") return false;
  const type = headers.get("content-type") ?? "";
  return (
    headers.has("next-action") || type.startsWith("multipart/form-data") || type === "application/x-www-form-urlencoded"
  );
}

/**
 * Whether a possible server action comes from another site: it has an Origin whose host is neither the
 * one the request was sent to nor an allowed one. A request without Origin is let through, as Next.js
 * lets it (no browser sends a cross-site POST without one).
 */
export function isForeignAction(method: string, headers: Headers, allowedOrigins: string[]): boolean {
  if (!isPossibleAction(method, headers)) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (host && originHost === host) return false;
  return !allowedOrigins.some((allowed) => allowed.toLowerCase() === originHost.toLowerCase());
}
