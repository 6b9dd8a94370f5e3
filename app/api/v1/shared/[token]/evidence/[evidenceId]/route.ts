import { sharedEvidenceParams } from "@/lib/http/contracts/evidence";
import { evidenceDownload } from "@/lib/http/evidence-handlers";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";

export const GET = apiRoute({
  params: sharedEvidenceParams,
  authenticate: authenticateShareToken,
  async handler({ principal, params }) {
    return evidenceDownload(principal.principal, principal.principal.projectId, params.evidenceId);
  },
});
