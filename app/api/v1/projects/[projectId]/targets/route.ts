import { saveTargetsBody } from "@/lib/api/contracts/projects";
import { summaryParams } from "@/lib/api/contracts/summary";
import { apiRoute } from "@/lib/api/route";
import { withSetupProblems } from "@/lib/api/setup-errors";
import { saveTargets } from "@/lib/projects/targets";

export const PUT = apiRoute({
  params: summaryParams,
  body: saveTargetsBody,
  async handler({ principal, params, body }) {
    return withSetupProblems(() => saveTargets(principal, params.projectId, body.cells));
  },
});
