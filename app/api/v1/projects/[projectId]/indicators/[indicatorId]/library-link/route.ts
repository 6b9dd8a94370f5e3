import { linkBody } from "@/lib/http/contracts/library";
import { indicatorParams } from "@/lib/http/contracts/projects";
import { linkResponse, unlinkResponse } from "@/lib/http/library-handlers";
import { apiRoute } from "@/lib/http/route";

export const PUT = apiRoute({
  params: indicatorParams,
  body: linkBody,
  handler: ({ principal, params, body }) => linkResponse(principal, params, body),
});

export const DELETE = apiRoute({
  params: indicatorParams,
  handler: ({ principal, params }) => unlinkResponse(principal, params),
});
