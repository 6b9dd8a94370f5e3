import { libraryParams, rollupQuery } from "@/lib/http/contracts/library";
import { libraryRollupResponse } from "@/lib/http/library-handlers";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({
  params: libraryParams,
  query: rollupQuery,
  handler: ({ principal, params, query }) => libraryRollupResponse(principal, params.libraryId, query),
});
