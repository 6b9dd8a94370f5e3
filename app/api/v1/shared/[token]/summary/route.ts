import { sharedParams, sharedQuery } from "@/lib/http/contracts/shared";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { sharedSummaryResponse } from "@/lib/http/summary-handlers";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedQuery,
  authenticate: authenticateShareToken,
  handler: sharedSummaryResponse,
});
