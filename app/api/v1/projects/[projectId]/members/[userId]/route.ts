import { memberParams, setRoleBody } from "@/lib/api/contracts/projects";
import { apiRoute } from "@/lib/api/route";
import { withSetupProblems } from "@/lib/api/setup-errors";
import { setMemberRole } from "@/lib/projects/members";

export const PATCH = apiRoute({
  params: memberParams,
  body: setRoleBody,
  async handler({ principal, params, body }) {
    await withSetupProblems(() => setMemberRole(principal, params.projectId, params.userId, body.role));
    return { ok: true };
  },
});

export const DELETE = apiRoute({
  params: memberParams,
  async handler({ principal, params }) {
    await withSetupProblems(() => setMemberRole(principal, params.projectId, params.userId, null));
    return { ok: true };
  },
});
