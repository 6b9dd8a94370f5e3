import { summaryParams } from "@/lib/api/contracts/summary";
import { getProjectResponse } from "@/lib/api/read-handlers";
import { apiRoute } from "@/lib/api/route";
import { withSetupProblems } from "@/lib/api/setup-errors";
import { updateProjectDetails } from "@/lib/projects/edit";
import { projectDetailsSchema } from "@/lib/projects/schemas";

export const PATCH = apiRoute({
  params: summaryParams,
  body: projectDetailsSchema,
  async handler({ principal, params, body }) {
    const saved = await withSetupProblems(() => updateProjectDetails(principal, params.projectId, body));
    return { id: saved.id, version: saved.version };
  },
});

export const GET = apiRoute({ params: summaryParams, handler: getProjectResponse });
