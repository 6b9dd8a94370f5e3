import { memberParams, setRoleBody } from "@/lib/http/contracts/projects";
import { apiRoute } from "@/lib/http/route";
import { withSetupProblems } from "@/lib/http/setup-errors";
import { setMemberRole } from "@/lib/server/projects/members";

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
