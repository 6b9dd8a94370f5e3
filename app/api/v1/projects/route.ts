import { createProjectBody } from "@/lib/api/contracts/projects";
import { pageQuery } from "@/lib/api/contracts/read";
import { listProjectsResponse } from "@/lib/api/read-handlers";
import { apiRoute } from "@/lib/api/route";
import { previewOrProblem } from "@/lib/api/setup-errors";
import { createProject } from "@/lib/projects/create";

export const POST = apiRoute({
  body: createProjectBody,
  async handler({ principal, body }) {
    const created = await createProject(principal, body.definition, {
      managerEmails: body.managers,
      dryRun: body.dryRun,
      source: "api",
    });
    return previewOrProblem({ activities: [], warnings: [], ...created });
  },
});

export const GET = apiRoute({ query: pageQuery, handler: listProjectsResponse });
