import { resultsQuery } from "@/lib/http/contracts/read";
import { saveResultsBody } from "@/lib/http/contracts/results";
import { summaryParams } from "@/lib/http/contracts/summary";
import { listResultsResponse } from "@/lib/http/read-handlers";
import { apiRoute } from "@/lib/http/route";
import { saveResults } from "@/lib/server/results/entry";
import { savedValueWarnings } from "@/lib/server/results/outlier-check";

export const POST = apiRoute({
  params: summaryParams,
  body: saveResultsBody,
  async handler({ principal, params, body }) {
    const saved = await saveResults(principal, params.projectId, body.items, body.submit);
    // Saved all the same: values far from the same place's figure the period before are pointed out.
    const warnings = await savedValueWarnings(principal, params.projectId, body.items);
    return { results: saved.map(({ id, version, status }) => ({ id, version, status })), warnings };
  },
});

export const GET = apiRoute({ params: summaryParams, query: resultsQuery, handler: listResultsResponse });
