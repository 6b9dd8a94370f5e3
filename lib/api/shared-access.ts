import "server-only";
import { clientAddress } from "@/lib/ops/client-address";
import { allowRequest } from "@/lib/rate-limit";
import { openShareLink } from "@/lib/share-links/service";
import { ApiProblem } from "./problem";

/**
 * The per-client limit on donor-link views, where the client's address is known (behind configured
 * proxies); cached views are cheap, so without an address no limit is better than one shared by all.
 */
export function allowShareView(headers: Headers): boolean {
  const address = clientAddress(headers);
  return address === null || allowRequest(`share:${address}`, 120, 60_000);
}

/** Rate-limited opening of a donor link for the shared API: the link's read-only principal, or a problem. */
export async function authenticateShareToken({ params, request }: { params: { token: string }; request: Request }) {
  if (!allowShareView(request.headers)) throw new ApiProblem("rateLimited");
  const access = await openShareLink(params.token);
  if (access.state === "unknown") throw new ApiProblem("notFound", "No such link");
  if (access.state !== "active") throw new ApiProblem("gone", `This link has been ${access.state}`);
  return access;
}
