import "server-only";
import { allowRequest } from "@/lib/rate-limit";
import { openShareLink } from "@/lib/share-links/service";
import { ApiProblem } from "./problem";

/** A client's address as the proxy in front reports it; "local" without one. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/** Rate-limited opening of a donor link for the shared API: the link's read-only principal, or a problem. */
export async function authenticateShareToken({ params, request }: { params: { token: string }; request: Request }) {
  if (!allowRequest(`share:${clientAddress(request.headers)}`, 120, 60_000)) throw new ApiProblem("rateLimited");
  const access = await openShareLink(params.token);
  if (access.state === "unknown") throw new ApiProblem("notFound", "No such link");
  if (access.state !== "active") throw new ApiProblem("gone", `This link has been ${access.state}`);
  return access;
}
