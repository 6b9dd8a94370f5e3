// Asking a KoboToolbox or ODK Central server for JSON, as real servers answer: a request that takes too
// long is aborted (AbortSignal.timeout); 429 and 5xx are retried after the server's Retry-After (seconds
// or a date) or a bounded exponential backoff, a few times; 401/403/404 are final and say so. The clock
// and the fetch are injectable, so tests wait milliseconds. Never logs a credential or a URL's key.
import "server-only";
import { OutboundRefused, outboundFetch } from "@/lib/platform/net/outbound";

export type RemoteReason =
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "unreachable"
  | "badResponse"
  | "busy"
  | "addressNotAllowed";

/** The server refused or could not be asked; `reason` is a message key (connections.reasons.*). */
export class RemoteRefused extends Error {
  constructor(
    readonly reason: RemoteReason,
    readonly status: number | null = null,
  ) {
    super(`Remote server: ${reason}${status ? ` (HTTP ${status})` : ""}`);
    this.name = "RemoteRefused";
  }
  /** The credentials no longer work: the connection is broken until a manager fixes it. */
  get breaks() {
    return this.reason === "unauthorized" || this.reason === "forbidden" || this.reason === "notFound";
  }
}

export type RemoteOptions = {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  /** Retries after a 429, a 5xx or a network failure; then the server is "busy" or "unreachable". */
  retries: number;
  /** The first backoff; each next one doubles, never past maxWaitMs (nor a Retry-After past it). */
  backoffMs: number;
  maxWaitMs: number;
};

export const defaultRemote: RemoteOptions = {
  // Never to a private or local address, unless ALLOW_PRIVATE_NETWORK_TARGETS (SSRF; lib/platform/net).
  fetch: outboundFetch,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeoutMs: 60_000,
  retries: 5,
  backoffMs: 1_000,
  maxWaitMs: 60_000,
};

/** How long a Retry-After header asks to wait (ms), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The response's JSON, after retries; throws RemoteRefused. */
export async function requestJson<T>(url: string, init: RequestInit, options: RemoteOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      if (error instanceof OutboundRefused) throw new RemoteRefused("addressNotAllowed");
      if (attempt >= options.retries) throw new RemoteRefused("unreachable");
      await options.sleep(Math.min(options.maxWaitMs, options.backoffMs * 2 ** attempt));
      continue;
    }
    if (response.ok) {
      try {
        return (await response.json()) as T;
      } catch {
        throw new RemoteRefused("badResponse", response.status);
      }
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 401) throw new RemoteRefused("unauthorized", 401);
    if (response.status === 403) throw new RemoteRefused("forbidden", 403);
    if (response.status === 404) throw new RemoteRefused("notFound", 404);
    if (response.status !== 429 && response.status < 500) throw new RemoteRefused("badResponse", response.status);
    if (attempt >= options.retries) throw new RemoteRefused("busy", response.status);
    const asked = retryAfterMs(response.headers.get("retry-after"));
    await options.sleep(Math.min(options.maxWaitMs, asked ?? options.backoffMs * 2 ** attempt));
  }
}
