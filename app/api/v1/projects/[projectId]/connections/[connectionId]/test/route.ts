import { projectConnectionParams } from "@/lib/http/contracts/connections";
import { apiRoute } from "@/lib/http/route";
import { testConnection } from "@/lib/server/connections/service";

export const POST = apiRoute({
  params: projectConnectionParams,
  async handler({ principal, params }) {
    return testConnection(principal, params.projectId, params.connectionId);
  },
});
