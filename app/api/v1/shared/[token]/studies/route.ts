import { sharedParams } from "@/lib/http/contracts/shared";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { projectStudies } from "@/lib/server/studies/service";

// What the donor page lists under "Studies": the link's project's studies shared with donors (or public).
export const GET = apiRoute({
  params: sharedParams,
  authenticate: authenticateShareToken,
  async handler({ principal: access }) {
    const { principal } = access;
    return { studies: await projectStudies(principal, principal.projectId, { sharedOnly: true }) };
  },
});
