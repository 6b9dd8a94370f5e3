// The per-client limit on donor-link views. Checked by the proxy for donor pages (which then tell the
// page through a request header only the proxy sets) and by the shared API routes.
import { env } from "@/lib/platform/env";
import { clientAddress } from "@/lib/platform/ops/client-address";
import { allowSyncedRequest } from "@/lib/platform/ops/synced-rate-limit";

/** Set on a donor page's request by proxy.ts when the client is over its limit. */
export const SHARE_LIMITED_HEADER = "x-share-view-limited";
/** Set on a donor page's request by proxy.ts when its view was counted already (the kept-page route's render). */
export const SHARE_VIEW_COUNTED_HEADER = "x-share-view-counted";

/**
 * Whether a client may view a donor link now, where the client's address is known (reported by the
 * configured proxies, else the connecting socket's); cached views are cheap, so without an address no
 * limit is better than one shared by all.
 */
export function allowShareView(headers: Headers): boolean {
  const address = clientAddress(headers);
  return address === null || allowSyncedRequest(`share:${address}`, env().SHARE_VIEW_LIMIT_PER_MINUTE, 60_000);
}
