import { indicatorParams, updateIndicatorBody } from "@/lib/api/contracts/projects";
import { apiRoute } from "@/lib/api/route";
import { withSetupProblems } from "@/lib/api/setup-errors";
import { saveIndicator, setIndicatorArchived } from "@/lib/projects/edit";

export const PATCH = apiRoute({
  params: indicatorParams,
  body: updateIndicatorBody,
  async handler({ principal, params: { projectId, indicatorId }, body }) {
    const saved = await withSetupProblems(() =>
      "archived" in body
        ? setIndicatorArchived(principal, projectId, indicatorId, body.archived)
        : saveIndicator(principal, projectId, indicatorId, body),
    );
    return { id: saved.id, version: saved.version };
  },
});
