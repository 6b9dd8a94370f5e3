import { indicatorParams, updateIndicatorBody } from "@/lib/http/contracts/projects";
import { apiRoute } from "@/lib/http/route";
import { saveIndicator, setIndicatorArchived } from "@/lib/server/projects/edit";

export const PATCH = apiRoute({
  params: indicatorParams,
  body: updateIndicatorBody,
  async handler({ principal, params: { projectId, indicatorId }, body }) {
    const saved = await ("archived" in body
      ? setIndicatorArchived(principal, projectId, indicatorId, body.archived)
      : saveIndicator(principal, projectId, indicatorId, body));
    return { id: saved.id, version: saved.version };
  },
});
