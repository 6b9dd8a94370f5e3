import type { ZodObject, ZodType } from "zod";
import type { ProblemCode } from "@/lib/http/problem";

export const xlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One /api/v1 route as the OpenAPI document describes it, from the same schemas the route parses with. */
export type RouteContract = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/v1/projects/{projectId}/summary. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** "session": a session cookie or an API token; "shareToken": a donor link's token in the path; "public": none. */
  auth: "session" | "shareToken" | "public";
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  /** Media types of a raw request body (a file streamed as it is uploaded); default application/json. */
  bodyMediaTypes?: ("text/csv" | "application/octet-stream" | typeof xlsxMediaType)[];
  response: ZodType;
  /** Media type of a successful answer (default application/json). */
  responseMediaType?:
    | "application/json"
    | "text/csv"
    | "application/xml"
    | "application/octet-stream"
    | "application/pdf"
    | typeof xlsxMediaType;
  problems: ProblemCode[];
};
