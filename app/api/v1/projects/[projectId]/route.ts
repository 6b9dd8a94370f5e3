import { projectDetailsSchema } from "@/lib/domain/projects/schemas";
import { summaryParams } from "@/lib/http/contracts/summary";
import { getProjectResponse } from "@/lib/http/read-handlers";
import { apiRoute } from "@/lib/http/route";
import { updateProjectDetails } from "@/lib/server/projects/edit";

export const PATCH = apiRoute({
  params: summaryParams,
  body: projectDetailsSchema,
  async handler({ principal, params, body }) {
    const saved = await updateProjectDetails(principal, params.projectId, body);
    return { id: saved.id, version: saved.version };
  },
});

export const GET = apiRoute({ params: summaryParams, handler: getProjectResponse });
