// Conditional GETs: a weak ETag naming what an answer holds, and whether the client already has it.
import { createHash } from "node:crypto";

/** A weak ETag for the given content (or a description that names it, e.g. a data version and view). */
export function weakEtag(content: string): string {
  return `W/"${createHash("sha256").update(content).digest("base64url").slice(0, 27)}"`;
}

/** Whether the request's If-None-Match names this tag (the client's copy is current). */
export function clientHas(request: Request, tag: string): boolean {
  return (
    request.headers
      .get("if-none-match")
      ?.split(/\s*,\s*/)
      .includes(tag) ?? false
  );
}

/** A JSON answer tagged by its content: 304 when the client's copy is the same. */
export function taggedJson(request: Request, value: unknown): Response {
  const body = JSON.stringify(value);
  const tag = weakEtag(body);
  const headers = { etag: tag, "cache-control": "private, no-cache", "content-type": "application/json" };
  return clientHas(request, tag) ? new Response(null, { status: 304, headers }) : new Response(body, { headers });
}
