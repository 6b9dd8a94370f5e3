import { summaryParams, summaryQuery } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { projectSummaryResponse } from "@/lib/http/summary-handlers";

export const GET = apiRoute({ params: summaryParams, query: summaryQuery, handler: projectSummaryResponse });
