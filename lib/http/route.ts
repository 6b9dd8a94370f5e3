// The one wrapper of every /api/v1 route: resolves who is asking (session cookie, bearer API token, or
// a donor's share token), parses params, query and body with the route's zod schemas, and turns every
// failure into application/problem+json. Permission checks stay in the services, which take the principal.
import "server-only";
import type { ZodType, z } from "zod";
import type { Principal } from "@/lib/domain/permissions";
import { unstorableTextPaths } from "@/lib/domain/validation/text";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { sessionOf } from "@/lib/platform/auth/request-session";
import { reportError } from "@/lib/platform/ops/error-report";
import { log, loggablePath, requestIdOf } from "@/lib/platform/ops/log";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { principalForApiToken } from "@/lib/server/api-tokens/verify";
import { readTextLimited } from "./body-limit";
import { ApiProblem, type FieldError, problemOf, problemResponse } from "./problem";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Parsed<P extends ZodType, Q extends ZodType, B extends ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: Request;
};

export type ApiRouteSpec<P extends ZodType, Q extends ZodType, B extends ZodType, A> = {
  params?: P;
  query?: Q;
  body?: B;
  /**
   * Who is asking; by default a signed-in user or an API token's owner, else 401. It runs before the
   * query and body are read, so nobody learns anything about a request they may not make.
   */
  authenticate?: (input: { params: z.output<P>; request: Request }) => Promise<A>;
  /** The result is sent as JSON unless it is already a Response (a file download). */
  handler: (input: Parsed<P, Q, B> & { principal: A }) => Promise<unknown>;
};

export async function resolvePrincipal(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new ApiProblem("unauthenticated", "Use Authorization: Bearer <token>");
    return principalForApiToken(match[1]);
  }
  const session = await sessionOf(request);
  return session ? loadPrincipal(session.userId, session) : null;
}

async function requirePrincipal({ request }: { request: Request }): Promise<Principal> {
  const principal = await resolvePrincipal(request);
  if (!principal) throw new ApiProblem("unauthenticated");
  return principal;
}

function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path].filter(Boolean).join("."),
    message: issue.message,
  }));
}

function parse<S extends ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const unstorable = unstorableTextPaths(value);
  if (unstorable.length) {
    throw new ApiProblem(
      "validation",
      `Invalid ${where}: text with a NUL character or a broken surrogate`,
      unstorable.map((path) => ({ field: [where, path].filter(Boolean).join("."), message: "invalidCharacters" })),
    );
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiProblem("validation", `Invalid ${where}`, fieldErrors(result.error, where));
  return result.data;
}

/**
 * A JSON body, only when the request says it is JSON: a cross-site form cannot send that content type
 * without a CORS preflight, which this API never grants (session cookies are also SameSite=Lax).
 */
async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new ApiProblem("validation", "Send the body as application/json", [
      { field: "body", message: "contentType" },
    ]);
  }
  // A byte-order mark before the JSON (some editors and Windows tools write one) is not part of it.
  const text = (await readTextLimited(request, uploadLimits().json)).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function apiRoute<P extends ZodType, Q extends ZodType, B extends ZodType, A = Principal>(
  spec: ApiRouteSpec<P, Q, B, A>,
) {
  const authenticate =
    spec.authenticate ??
    (requirePrincipal as unknown as (input: { params: z.output<P>; request: Request }) => Promise<A>);
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const url = new URL(request.url);
    let principalKind: string | null = null;
    const respond = (response: Response, error?: unknown) => {
      response.headers.set("x-request-id", requestId);
      const entry = {
        requestId,
        method: request.method,
        path: loggablePath(url.pathname),
        status: response.status,
        ms: Math.round(performance.now() - started),
        principal: principalKind,
      };
      if (error) {
        log.error({ ...entry, err: error }, "request failed");
        void reportError({ error, requestId, method: request.method, path: entry.path });
      } else log.info(entry, "request");
      return response;
    };
    try {
      // Without a custom check (which needs the path, e.g. a share token), who is asking is settled
      // before anything of the request is looked at.
      const early = spec.authenticate ? null : await authenticate({ params: undefined as z.output<P>, request });
      const params = parse(spec.params, await context.params, "path");
      const principal = early ?? (await authenticate({ params, request }));
      principalKind = request.headers.has("authorization") ? "apiToken" : kindOf(principal);
      const input: Parsed<P, Q, B> = {
        params,
        query: parse(spec.query, Object.fromEntries(url.searchParams), "query"),
        body: spec.body ? parse(spec.body, await jsonBody(request), "body") : (undefined as z.output<B>),
        request,
      };
      const result = await spec.handler({ ...input, principal });
      return respond(
        result instanceof Response ? result : Response.json(result, { headers: { "cache-control": "no-store" } }),
      );
    } catch (error) {
      const problem = problemOf(error);
      return problem ? respond(problemResponse(problem)) : respond(problemResponse(new ApiProblem("internal")), error);
    }
  };
}

/** Who asked, as logs name it: a user's session or a donor link (never who exactly, never the secret). */
function kindOf(principal: unknown): string | null {
  if (!principal || typeof principal !== "object") return null;
  if ("principal" in principal) return "shareLink"; // a donor link's access (principal and options)
  return (principal as { kind?: string }).kind ?? null;
}
