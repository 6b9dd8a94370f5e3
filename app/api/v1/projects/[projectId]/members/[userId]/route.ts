import { memberParams, setRoleBody } from "@/lib/http/contracts/projects";
import { apiRoute } from "@/lib/http/route";
import { setMemberRole } from "@/lib/server/projects/members";

export const PATCH = apiRoute({
  params: memberParams,
  body: setRoleBody,
  async handler({ principal, params, body }) {
    await setMemberRole(principal, params.projectId, params.userId, body.role);
    return { ok: true };
  },
});

export const DELETE = apiRoute({
  params: memberParams,
  async handler({ principal, params }) {
    await setMemberRole(principal, params.projectId, params.userId, null);
    return { ok: true };
  },
});
