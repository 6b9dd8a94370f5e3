import { saveTargetsBody } from "@/lib/http/contracts/projects";
import { summaryParams } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { saveTargets } from "@/lib/server/projects/targets";

export const PUT = apiRoute({
  params: summaryParams,
  body: saveTargetsBody,
  async handler({ principal, params, body }) {
    return saveTargets(principal, params.projectId, body.cells);
  },
});
