import { summaryParams, summaryQuery } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { summaryCsvResponse } from "@/lib/http/summary-csv";
import { loadProjectSummary } from "@/lib/http/summary-handlers";

export const GET = apiRoute({
  params: summaryParams,
  query: summaryQuery,
  handler: async (input) => summaryCsvResponse(await loadProjectSummary(input)),
});
