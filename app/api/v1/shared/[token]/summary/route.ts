// Over HTTP, next.config.ts rewrites this path to pages/api/v1/shared/[token]/summary-encoded.ts, which
// runs this same handler and sends its JSON compressed once per ETag (lib/http/encoded-route.ts).
import { sharedSummaryRoute } from "@/lib/http/shared-summary-route";

export const GET = sharedSummaryRoute;
