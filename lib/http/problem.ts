// The API's errors as RFC 9457 problem details, each with a stable machine-readable `code`. Every refusal
// is a DomainError (lib/domain/errors.ts), mapped here once from the code table; ApiProblem is the one
// the HTTP edge itself raises (a bad request, a missing token), with the API's code.
import { ZodError } from "zod";
import { type ApiCode, apiCodes, DomainError, problemDetails } from "@/lib/domain/errors";

export const problemCodes = apiCodes;

export type ProblemCode = ApiCode;

export type FieldError = { field: string; message: string };

export class ApiProblem extends DomainError {
  constructor(
    code: ProblemCode,
    detail?: string,
    errors?: FieldError[],
    /** More members of the problem body, e.g. the current version of a conflicting result. */
    extra?: Record<string, unknown>,
  ) {
    super(code, { detail, fields: errors?.map((e) => ({ field: e.field, code: e.message })), extra });
    this.name = "ApiProblem";
  }
}

/**
 * The refusal an error is for its caller: a DomainError, or a zod parse a service refused (400, its
 * fields in the body); null for any other error (a defect: the caller answers "internal" and logs it).
 * Route handlers and background jobs answer their errors alike.
 */
export function problemOf(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError)
    return new ApiProblem(
      "validation",
      "Invalid input",
      error.issues.map((i) => ({ field: `body.${i.path.join(".")}`, message: i.message })),
    );
  return null;
}

/** The problem as its HTTP status and RFC 9457 body. */
export const problemBody = problemDetails;

export function problemResponse(problem: DomainError): Response {
  const { status, body } = problemDetails(problem);
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
  // A rate limit that knows when it lifts says so in the header clients and proxies read.
  const retryAfter = problem.extra?.retryAfterSeconds;
  if (typeof retryAfter === "number") response.headers.set("retry-after", String(retryAfter));
  return response;
}
