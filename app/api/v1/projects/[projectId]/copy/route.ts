import { refuseIfCreationProblems } from "@/lib/domain/imports/preview-refusal";
import { can } from "@/lib/domain/permissions";
import { copyProjectBody } from "@/lib/http/contracts/projects";
import { summaryParams } from "@/lib/http/contracts/summary";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { createProject } from "@/lib/server/projects/create";
import { asTemplate, projectDefinition } from "@/lib/server/projects/template";

export const POST = apiRoute({
  params: summaryParams,
  body: copyProjectBody,
  async handler({ principal, params, body: { managers, ...next } }) {
    if (!can(principal, "project.read", params.projectId)) throw new ApiProblem("notFound");
    const definition = asTemplate(await projectDefinition(principal, params.projectId), next);
    const created = await createProject(principal, definition, { managerEmails: managers, source: "template" });
    return refuseIfCreationProblems({ activities: [], warnings: [], ...created });
  },
});
