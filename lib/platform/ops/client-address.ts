// Who the client is, as far as the network can tell.
import { env } from "@/lib/platform/env";

/**
 * The connecting socket's address, written on every request by this server process itself
 * (lib/platform/ops/peer-address.ts, installed by instrumentation.ts) as "<stamp> <address>": the stamp is a
 * random value of this process, so a value a client sent (or one on a request that arrived before the
 * server began stamping) is never taken for it.
 */
export const PEER_ADDRESS_HEADER = "x-me-peer-address";
const STAMP = Symbol.for("me-dashboard.peer-address-stamp");

/** This process's stamp, once its server stamps requests (shared across Next's bundles through globalThis). */
export function peerAddressStamp(): string | undefined {
  return (globalThis as { [STAMP]?: string })[STAMP];
}

export function setPeerAddressStamp(stamp: string): void {
  (globalThis as { [STAMP]?: string })[STAMP] = stamp;
}

/** The address of the socket a request came in on, where this server stamped it; else null. */
export function peerAddress(headers: Headers, stamp = peerAddressStamp()): string | null {
  const value = headers.get(PEER_ADDRESS_HEADER);
  if (!stamp || !value?.startsWith(`${stamp} `)) return null;
  return value.slice(stamp.length + 1) || null;
}

/**
 * A client's address. Behind proxies (TRUSTED_PROXY_HOPS > 0), the entry that many places from the
 * right of X-Forwarded-For, which the nearest trusted proxy wrote; entries further left are whatever the
 * client sent and are never trusted. Without proxies, the connecting socket's address: X-Forwarded-For
 * is then whatever the client sent (Next.js only fills it in when the client sent none).
 */
export function clientAddress(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string | null {
  if (hops === 0) return peerAddress(headers);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[entries.length - hops] ?? null;
}

/**
 * The part of an address one client controls, for limits per client: an IPv4 address whole, an IPv6
 * address by its /64 network (one home or server gets a whole /64 and can pick any address in it).
 * IPv4 written as IPv6 ("::ffff:203.0.113.7") is the IPv4 address.
 */
export function clientNetwork(address: string): string {
  const bare = address.trim().toLowerCase().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(":")) return bare;
  const [head = "", tail] = bare.split("::");
  const groups = (part: string) =>
    part
      .split(":")
      .filter(Boolean)
      .flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])); // an embedded IPv4 tail is the last 64 bits
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
