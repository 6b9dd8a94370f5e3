import { evidenceParams, evidenceShareBody } from "@/lib/http/contracts/evidence";
import { evidenceDownload } from "@/lib/http/evidence-handlers";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { removeEvidence, shareEvidence } from "@/lib/server/evidence/service";

export const GET = apiRoute({
  params: evidenceParams,
  async handler({ principal, params }) {
    return evidenceDownload(principal, params.projectId, params.evidenceId);
  },
});

export const PATCH = apiRoute({
  params: evidenceParams,
  body: evidenceShareBody,
  async handler({ principal, params, body }) {
    const item = await shareEvidence(principal, params.projectId, params.evidenceId, body.sharedWithDonors);
    if (!item) throw new ApiProblem("notFound", "No such file");
    return item;
  },
});

export const DELETE = apiRoute({
  params: evidenceParams,
  async handler({ principal, params }) {
    if (!(await removeEvidence(principal, params.projectId, params.evidenceId)))
      throw new ApiProblem("notFound", "No such file");
    return { removed: true };
  },
});
