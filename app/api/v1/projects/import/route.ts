import { importProjectBody } from "@/lib/api/contracts/projects";
import { apiRoute } from "@/lib/api/route";
import { previewOrProblem } from "@/lib/api/setup-errors";
import { importProject } from "@/lib/projects/create";

export const POST = apiRoute({
  body: importProjectBody,
  async handler({ principal, body: { dryRun, managers, evaluators, ...file } }) {
    return previewOrProblem(
      await importProject(principal, file, { dryRun, managerEmails: managers, evaluatorEmails: evaluators }),
    );
  },
});
