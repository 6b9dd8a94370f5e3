import { copyProjectBody } from "@/lib/api/contracts/projects";
import { summaryParams } from "@/lib/api/contracts/summary";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { previewOrProblem } from "@/lib/api/setup-errors";
import { can } from "@/lib/permissions";
import { createProject } from "@/lib/projects/create";
import { asTemplate, projectDefinition } from "@/lib/projects/template";

export const POST = apiRoute({
  params: summaryParams,
  body: copyProjectBody,
  async handler({ principal, params, body: { managers, ...next } }) {
    if (!can(principal, "project.read", params.projectId)) throw new ApiProblem("notFound");
    const definition = asTemplate(await projectDefinition(principal, params.projectId), next);
    const created = await createProject(principal, definition, { managerEmails: managers, source: "template" });
    return previewOrProblem({ activities: [], warnings: [], ...created });
  },
});
