import { connectionEditSchema } from "@/lib/domain/connections/schema";
import { projectConnectionParams } from "@/lib/http/contracts/connections";
import { apiRoute } from "@/lib/http/route";
import { deleteConnection, updateConnection } from "@/lib/server/connections/service";

export const PATCH = apiRoute({
  params: projectConnectionParams,
  body: connectionEditSchema,
  async handler({ principal, params, body }) {
    return { connection: await updateConnection(principal, params.projectId, params.connectionId, body) };
  },
});

export const DELETE = apiRoute({
  params: projectConnectionParams,
  async handler({ principal, params }) {
    await deleteConnection(principal, params.projectId, params.connectionId);
    return { ok: true };
  },
});
