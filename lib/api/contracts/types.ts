import type { ZodObject, ZodType } from "zod";
import type { ProblemCode } from "../problem";

/** One /api/v1 route as the OpenAPI document describes it, from the same schemas the route parses with. */
export type RouteContract = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/v1/projects/{projectId}/summary. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** "session" routes take a session cookie or an API token; "public" ones need neither. */
  auth: "session" | "public";
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  response: ZodType;
  problems: ProblemCode[];
};
