import { resultParams } from "@/lib/http/contracts/results";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { resultHistory } from "@/lib/server/results/service";

export const GET = apiRoute({
  params: resultParams,
  async handler({ principal, params }) {
    const events = await resultHistory(principal, params.projectId, params.resultId);
    if (!events) throw new ApiProblem("notFound", "No such result, or no access to its history");
    return {
      events: events.map((e) => ({
        at: e.at.toISOString(),
        actor: e.actor?.name ?? e.actorLabel ?? null,
        action: e.action,
        before: e.before,
        after: e.after,
        comment: e.comment,
      })),
    };
  },
});
