import { summaryCsvResponse } from "@/lib/formats/write/summary-csv";
import { sharedParams, sharedQuery } from "@/lib/http/contracts/shared";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { loadSharedSummary } from "@/lib/http/summary-handlers";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedQuery,
  authenticate: authenticateShareToken,
  handler: async (input) => summaryCsvResponse(await loadSharedSummary(input)),
});
