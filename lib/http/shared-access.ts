import "server-only";
import { openShareLink } from "@/lib/server/share-links/service";
import { allowShareView } from "@/lib/server/share-links/view-limit";
import { ApiProblem } from "./problem";

/** Rate-limited opening of a donor link for the shared API: the link's read-only principal, or a problem. */
export async function authenticateShareToken({ params, request }: { params: { token: string }; request: Request }) {
  if (!allowShareView(request.headers)) throw new ApiProblem("rateLimited");
  const access = await openShareLink(params.token);
  if (access.state === "unknown") throw new ApiProblem("notFound", "No such link");
  if (access.state !== "active") throw new ApiProblem("gone", `This link has been ${access.state}`);
  return access;
}
