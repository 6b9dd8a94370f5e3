import { sharedParams, sharedQuery } from "@/lib/api/contracts/shared";
import { apiRoute } from "@/lib/api/route";
import { authenticateShareToken } from "@/lib/api/shared-access";
import { sharedSummaryResponse } from "@/lib/api/summary-handlers";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedQuery,
  authenticate: authenticateShareToken,
  handler: sharedSummaryResponse,
});
