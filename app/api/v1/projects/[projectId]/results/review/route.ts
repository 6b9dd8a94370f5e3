import { reviewBody } from "@/lib/http/contracts/results";
import { summaryParams } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { reviewResults } from "@/lib/server/results/entry";

export const POST = apiRoute({
  params: summaryParams,
  body: reviewBody,
  async handler({ principal, params, body }) {
    return { reviewed: await reviewResults(principal, params.projectId, body.decisions) };
  },
});
