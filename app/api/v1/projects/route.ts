import { refuseIfCreationProblems } from "@/lib/domain/imports/preview-refusal";
import { createProjectBody } from "@/lib/http/contracts/projects";
import { pageQuery } from "@/lib/http/contracts/read";
import { listProjectsResponse } from "@/lib/http/read-handlers";
import { apiRoute } from "@/lib/http/route";
import { createProject } from "@/lib/server/projects/create";

export const POST = apiRoute({
  body: createProjectBody,
  async handler({ principal, body }) {
    const created = await createProject(principal, body.definition, {
      managerEmails: body.managers,
      dryRun: body.dryRun,
      source: "api",
    });
    return refuseIfCreationProblems({ activities: [], warnings: [], ...created });
  },
});

export const GET = apiRoute({ query: pageQuery, handler: listProjectsResponse });
