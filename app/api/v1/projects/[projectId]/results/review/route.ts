import { reviewBody } from "@/lib/api/contracts/results";
import { summaryParams } from "@/lib/api/contracts/summary";
import { withResultProblems } from "@/lib/api/results-errors";
import { apiRoute } from "@/lib/api/route";
import { reviewResults } from "@/lib/results/entry";

export const POST = apiRoute({
  params: summaryParams,
  body: reviewBody,
  async handler({ principal, params, body }) {
    return { reviewed: await withResultProblems(() => reviewResults(principal, params.projectId, body.decisions)) };
  },
});
