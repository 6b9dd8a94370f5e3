// Who the client is, as far as the network can tell.
import { env } from "@/lib/env";

/**
 * A client's address as the configured proxies report it (TRUSTED_PROXY_HOPS): the entry that many
 * places from the right of X-Forwarded-For, which the nearest trusted proxy wrote. Entries further left
 * are whatever the client sent and are never trusted; without proxies there is no address (null).
 */
export function clientAddress(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string | null {
  if (hops === 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[entries.length - hops] ?? null;
}
