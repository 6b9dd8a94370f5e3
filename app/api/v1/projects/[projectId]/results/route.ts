import { resultsQuery } from "@/lib/api/contracts/read";
import { saveResultsBody } from "@/lib/api/contracts/results";
import { summaryParams } from "@/lib/api/contracts/summary";
import { listResultsResponse } from "@/lib/api/read-handlers";
import { withResultProblems } from "@/lib/api/results-errors";
import { apiRoute } from "@/lib/api/route";
import { saveResults } from "@/lib/results/entry";

export const POST = apiRoute({
  params: summaryParams,
  body: saveResultsBody,
  async handler({ principal, params, body }) {
    const saved = await withResultProblems(() => saveResults(principal, params.projectId, body.items, body.submit));
    return { results: saved.map(({ id, version, status }) => ({ id, version, status })) };
  },
});

export const GET = apiRoute({ params: summaryParams, query: resultsQuery, handler: listResultsResponse });
