import { sharedParams, sharedQuery } from "@/lib/api/contracts/shared";
import { apiRoute } from "@/lib/api/route";
import { authenticateShareToken } from "@/lib/api/shared-access";
import { loadSharedSummary } from "@/lib/api/summary-handlers";
import { summaryCsvResponse } from "@/lib/exports/summary-csv";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedQuery,
  authenticate: authenticateShareToken,
  handler: async (input) => summaryCsvResponse(await loadSharedSummary(input)),
});
