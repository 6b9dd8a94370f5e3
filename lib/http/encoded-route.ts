// An App Router route handler (lib/http/route.ts's apiRoute: who is asking, parsing, problems, logs)
// served from a Pages Router API route, so a summary's JSON goes out compressed once per ETag. Next.js
// compresses an App Router answer itself on every request and drops a Content-Encoding the handler sets;
// it leaves alone a Pages Router answer that already has one (its compression skips "already encoded").
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { methodNotAllowed } from "./allowed-methods";
import { chooseEncoding, compress, encodedBody } from "./encoded-bodies";
import { cachedBody } from "./response-cache";

type WebHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Answer = { status: number; headers: Headers; body: Uint8Array | null };

/**
 * What to send for the handler's `response` to `request`: a 200 JSON body in the encoding the client
 * accepts (brotli, gzip, else as it is), the compressed bytes kept per ETag when the body is the one the
 * tag names (lib/http/response-cache.ts holds it); anything else as the handler answered.
 */
export async function encodedAnswer(request: Request, response: Response): Promise<Answer> {
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const { status } = response;
  if (status === 200 || status === 304) headers.append("vary", "Accept-Encoding");
  const tag = response.headers.get("etag");
  const encoding = chooseEncoding(request.headers.get("accept-encoding"));
  const json = response.headers.get("content-type")?.startsWith("application/json") ?? false;
  if (status !== 200 || !encoding || !json) {
    return { status, headers, body: response.body ? new Uint8Array(await response.arrayBuffer()) : null };
  }
  const kept = tag ? cachedBody(tag) : undefined;
  let body: Uint8Array;
  if (tag && kept !== undefined) {
    await response.body?.cancel();
    body = await encodedBody(tag, encoding, kept);
  } else {
    body = await compress(await response.text(), encoding); // not the tag's (or no tag): this request's only
  }
  headers.set("content-encoding", encoding);
  return { status, headers, body };
}

/** A Pages Router request's headers as the web's Headers (repeated ones joined, as fetch does). */
export function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * A Pages Router API handler running `handler` for the public `path` (the one its contract names: what
 * the logs, the ETag and the 405 check see, whatever URL Next.js routed here) with the route's `params`.
 */
export async function serveEncoded(
  req: IncomingMessage,
  res: ServerResponse,
  handler: WebHandler,
  path: string,
  params: Record<string, string>,
): Promise<void> {
  const method = req.method ?? "GET";
  const headers = webHeaders(req);
  const search = new URL(req.url ?? "/", "http://localhost").search;
  // Only the path and query of the URL are read (the client's address and language come from headers).
  const request = new Request(`http://localhost${path}${search}`, { method, headers });
  const response = methodNotAllowed(path, method) ?? (await handler(request, { params: Promise.resolve(params) }));
  const answer = await encodedAnswer(request, response);
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (answer.body) res.setHeader("content-length", answer.body.byteLength);
  res.end(answer.body && method !== "HEAD" ? answer.body : undefined);
}
