import { summaryParams, summaryQuery } from "@/lib/api/contracts/summary";
import { apiRoute } from "@/lib/api/route";
import { loadProjectSummary } from "@/lib/api/summary-handlers";
import { summaryCsvResponse } from "@/lib/exports/summary-csv";

export const GET = apiRoute({
  params: summaryParams,
  query: summaryQuery,
  handler: async (input) => summaryCsvResponse(await loadProjectSummary(input)),
});
