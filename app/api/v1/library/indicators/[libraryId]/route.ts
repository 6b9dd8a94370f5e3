import { libraryParams } from "@/lib/http/contracts/library";
import { libraryIndicatorResponse } from "@/lib/http/library-handlers";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({
  params: libraryParams,
  handler: ({ principal, params }) => libraryIndicatorResponse(principal, params.libraryId),
});
