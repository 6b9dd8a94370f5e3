import { refuseIfCreationProblems } from "@/lib/domain/imports/preview-refusal";
import { importProjectBody } from "@/lib/http/contracts/projects";
import { apiRoute } from "@/lib/http/route";
import { importProject } from "@/lib/server/projects/create";

export const POST = apiRoute({
  body: importProjectBody,
  async handler({ principal, body: { dryRun, managers, evaluators, ...file } }) {
    return refuseIfCreationProblems(
      await importProject(principal, file, { dryRun, managerEmails: managers, evaluatorEmails: evaluators }),
    );
  },
});
