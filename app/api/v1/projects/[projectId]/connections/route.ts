import { connectionInputSchema } from "@/lib/domain/connections/schema";
import { summaryParams } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { createConnection, listConnections } from "@/lib/server/connections/service";

export const GET = apiRoute({
  params: summaryParams,
  async handler({ principal, params }) {
    return { connections: await listConnections(principal, params.projectId) };
  },
});

export const POST = apiRoute({
  params: summaryParams,
  body: connectionInputSchema,
  async handler({ principal, params, body }) {
    return { connection: await createConnection(principal, params.projectId, body) };
  },
});
