import { resultsQuery } from "@/lib/api/contracts/read";
import { saveResultsBody } from "@/lib/api/contracts/results";
import { summaryParams } from "@/lib/api/contracts/summary";
import { listResultsResponse } from "@/lib/api/read-handlers";
import { withResultProblems } from "@/lib/api/results-errors";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { saveResults } from "@/lib/results/entry";
import { outlierWarnings } from "@/lib/results/outlier-check";

export const POST = apiRoute({
  params: summaryParams,
  body: saveResultsBody,
  async handler({ principal, params, body }) {
    const saved = await withResultProblems(() => saveResults(principal, params.projectId, body.items, body.submit));
    // Saved all the same: values far from the same place's figure the period before are pointed out.
    const warnings = await outlierWarnings(db(), params.projectId, body.items);
    return { results: saved.map(({ id, version, status }) => ({ id, version, status })), warnings };
  },
});

export const GET = apiRoute({ params: summaryParams, query: resultsQuery, handler: listResultsResponse });
