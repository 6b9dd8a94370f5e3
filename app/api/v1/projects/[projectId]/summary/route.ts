import { summaryParams, summaryQuery } from "@/lib/api/contracts/summary";
import { apiRoute } from "@/lib/api/route";
import { projectSummaryResponse } from "@/lib/api/summary-handlers";

export const GET = apiRoute({ params: summaryParams, query: summaryQuery, handler: projectSummaryResponse });
