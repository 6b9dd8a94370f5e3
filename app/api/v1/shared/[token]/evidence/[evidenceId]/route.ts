import { sharedEvidenceParams } from "@/lib/api/contracts/evidence";
import { evidenceDownload } from "@/lib/api/evidence-handlers";
import { apiRoute } from "@/lib/api/route";
import { authenticateShareToken } from "@/lib/api/shared-access";

export const GET = apiRoute({
  params: sharedEvidenceParams,
  authenticate: authenticateShareToken,
  async handler({ principal, params }) {
    return evidenceDownload(principal.principal, principal.principal.projectId, params.evidenceId);
  },
});
