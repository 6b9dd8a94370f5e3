import { projectConnectionParams, syncHistoryQuery } from "@/lib/http/contracts/connections";
import { apiRoute } from "@/lib/http/route";
import { syncHistoryPage } from "@/lib/server/connections/history";
import { syncConnection } from "@/lib/server/connections/sync";
import { syncView } from "@/lib/server/connections/views";

/** Runs a sync in the request, as the page's button does; a sync already running is a 409. */
export const POST = apiRoute({
  params: projectConnectionParams,
  async handler({ principal, params }) {
    const run = await syncConnection(principal, params.projectId, params.connectionId, { trigger: "manual" });
    return { sync: syncView(run) };
  },
});

export const GET = apiRoute({
  params: projectConnectionParams,
  query: syncHistoryQuery,
  async handler({ principal, params, query }) {
    return syncHistoryPage(principal, params.projectId, params.connectionId, query);
  },
});
