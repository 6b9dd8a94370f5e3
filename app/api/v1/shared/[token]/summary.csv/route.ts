import { sharedParams, sharedQuery } from "@/lib/http/contracts/shared";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { summaryCsvResponse } from "@/lib/http/summary-csv";
import { loadSharedSummary } from "@/lib/http/summary-handlers";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedQuery,
  authenticate: authenticateShareToken,
  handler: async (input) => summaryCsvResponse(await loadSharedSummary(input)),
});
