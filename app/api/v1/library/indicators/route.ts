import { libraryIndicatorInput } from "@/lib/domain/library/input";
import { libraryListQuery } from "@/lib/http/contracts/library";
import { createLibraryResponse, listLibraryResponse } from "@/lib/http/library-handlers";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({
  query: libraryListQuery,
  handler: ({ principal, query }) => listLibraryResponse(principal, query),
});

export const POST = apiRoute({
  body: libraryIndicatorInput,
  handler: ({ principal, body }) => createLibraryResponse(principal, body),
});
