// Errors of the JSON API as RFC 9457 problem details, each with a stable machine-readable `code`.
import { ForbiddenError } from "@/lib/domain/permissions";

export const problemCodes = {
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed" },
  notFound: { status: 404, title: "Not found" },
  gone: { status: 410, title: "No longer available" },
  validation: { status: 400, title: "Invalid request" },
  conflict: { status: 409, title: "Conflict" },
  payloadTooLarge: { status: 413, title: "Request body too large" },
  rateLimited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ProblemCode = keyof typeof problemCodes;

export type FieldError = { field: string; message: string };

export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** More members of the problem body, e.g. the current version of a conflicting result. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? problemCodes[code].title);
    this.name = "ApiProblem";
  }
}

/**
 * The problem an error is for its caller: itself, or a permission refused (forbidden); null for any
 * other error (a defect: the caller answers "internal" and logs it). Route handlers and background
 * jobs answer their errors alike.
 */
export function problemOf(error: unknown): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (error instanceof ForbiddenError) return new ApiProblem("forbidden", error.message);
  return null;
}

/** The problem as its HTTP status and RFC 9457 body (also kept as a background job's answer). */
export function problemBody(problem: ApiProblem) {
  const { status, title } = problemCodes[problem.code];
  const body = {
    type: `about:blank#${problem.code}`,
    title,
    status,
    code: problem.code,
    detail: problem.detail,
    errors: problem.errors,
    ...problem.extra,
  };
  return { status, body };
}

export function problemResponse(problem: ApiProblem): Response {
  const { status, body } = problemBody(problem);
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}
