import { sharedStudyFileParams } from "@/lib/http/contracts/studies";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { sharedStudyFileDownload } from "@/lib/http/study-handlers";

// A document of a study shared with the donor link (the donor page's links); the token in this path is
// redacted from the logs (loggablePath: /shared/[token]).
export const GET = apiRoute({
  params: sharedStudyFileParams,
  authenticate: authenticateShareToken,
  async handler({ principal, params }) {
    return sharedStudyFileDownload(principal.principal, params.studyId, params.fileId);
  },
});
