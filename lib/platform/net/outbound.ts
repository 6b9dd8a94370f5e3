// The one way the app sends a request to an address a user typed (webhook deliveries, KoboToolbox and
// ODK Central servers): http(s) only, never to the app's own machine or network (lib/platform/net/
// addresses.ts says which addresses), redirects never followed. The check runs where the connection is
// made: the connection's DNS lookup refuses a name when any of its addresses is refused and connects to
// the very addresses it checked, so a name that answers a public address to a first lookup and 127.0.0.1
// to a second (DNS rebinding) gains nothing. Saving such a URL is refused too (assertOutboundUrl), but
// only this check at send time is the guard. ALLOW_PRIVATE_NETWORK_TARGETS=1 lets private and local
// addresses through (a KoboToolbox server on the office network; tests with local servers), but never
// link-local ones nor the clouds' metadata services: a server on the office network is never there, and
// the metadata service hands out the machine's cloud credentials.
import "server-only";
import { type LookupAddress, type LookupOptions, lookup } from "node:dns";
import { isIP } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { DomainError } from "@/lib/domain/errors";
import { env } from "@/lib/platform/env";
import { type AddressRefusal, addressRefusal } from "./addresses";

/** A request refused before it was sent; the message is what delivery logs and sync history show. */
export class OutboundRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string | null,
    readonly refusal: AddressRefusal | "scheme",
  ) {
    const what =
      refusal === "scheme" ? "not http(s)" : `${address && address !== host ? `${address}, ` : ""}${refusal}`;
    super(`address not allowed: ${host} (${what})`);
    this.name = "OutboundRefused";
  }
}

export const privateTargetsAllowed = () => env().ALLOW_PRIVATE_NETWORK_TARGETS === "1";

/** Refused even with ALLOW_PRIVATE_NETWORK_TARGETS=1. */
const ALWAYS_REFUSED: ReadonlySet<AddressRefusal> = new Set(["linkLocal", "cloudMetadata"]);

/** Why this literal address may not be contacted under the current setting, or null. */
function refusalOf(address: string): AddressRefusal | null {
  const refusal = addressRefusal(address);
  return refusal && (!privateTargetsAllowed() || ALWAYS_REFUSED.has(refusal)) ? refusal : null;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

/** The refusal of a URL by its scheme or its literal IP address (a name is checked when looked up). */
function literalRefusal(url: URL): OutboundRefused | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return new OutboundRefused(url.host, null, "scheme");
  const host = bare(url.hostname);
  if (!isIP(host)) return null;
  const refusal = refusalOf(host);
  return refusal ? new OutboundRefused(host, host, refusal) : null;
}

/** The first refused address among a name's addresses. */
function refusedAmong(host: string, addresses: LookupAddress[]): OutboundRefused | null {
  for (const { address } of addresses) {
    const refusal = refusalOf(address);
    if (refusal) return new OutboundRefused(host, address, refusal);
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The sockets' DNS lookup: every address of the name checked, and the socket given only those. */
export function checkedLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = refusedAmong(hostname, addresses);
    if (refused) return callback(refused, []);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
    if (options.all) return callback(null, addresses);
    callback(null, first.address, first.family);
  });
}

const holder = globalThis as unknown as { outboundAgent?: Agent };
const agent = () => {
  holder.outboundAgent ??= new Agent({ connect: { lookup: checkedLookup } });
  return holder.outboundAgent;
};

/**
 * fetch for user-given addresses: throws OutboundRefused (not fetch's "fetch failed") when the address
 * is not allowed; a redirect is answered as it is, never followed.
 */
export const outboundFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  const literal = literalRefusal(url);
  if (literal) throw literal;
  try {
    const response = await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      redirect: "manual",
      dispatcher: agent(),
    });
    return response as unknown as Response;
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    throw cause instanceof OutboundRefused ? cause : error;
  }
};

/**
 * Whether the app would refuse to send to this URL, by its scheme and every address its name has now;
 * null when allowed. A name that does not resolve (yet) is not refused here: the send checks it again.
 */
export async function outboundRefusal(raw: string, timeoutMs = 5_000): Promise<OutboundRefused | null> {
  const url = new URL(raw);
  const literal = literalRefusal(url);
  const host = bare(url.hostname);
  if (literal || isIP(host)) return literal;
  const addresses = await new Promise<LookupAddress[]>((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    lookup(host, { all: true }, (error, found) => {
      clearTimeout(timer);
      resolve(error ? [] : found);
    });
  });
  return refusedAmong(host, addresses);
}

/**
 * Refuses a URL the app would refuse to send to (addressNotAllowed): on the form's field when saving it,
 * on the whole form when a saved one is used (a test).
 */
export async function assertOutboundUrl(raw: string, field?: string): Promise<void> {
  const refused = await outboundRefusal(raw);
  if (refused)
    throw new DomainError("addressNotAllowed", {
      fields: field ? [{ field: `body.${field}`, code: "addressNotAllowed" }] : undefined,
      detail: `${field ?? "url"}: ${refused.message}; ALLOW_PRIVATE_NETWORK_TARGETS=1 allows private networks`,
    });
}
