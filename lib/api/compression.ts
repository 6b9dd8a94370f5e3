// JSON answers gzipped here for clients that accept it. Next.js compresses rendered pages, but route
// handlers' answers go through its compression only in some versions, and a large project's summary is
// hundreds of kilobytes: on a field office's connection that is the difference between a second and ten.
// A summary kept by its ETag keeps its gzipped bytes too, so they are made once per data version.
import { promisify } from "node:util";
import { gzip as gzipWithCallback } from "node:zlib";

const gzip = promisify(gzipWithCallback);

/** Below this, gzip saves less than it costs. */
const MIN_CHARS = 1024;

/** An answer's text, with its gzipped bytes once they were made. */
export type EncodableBody = { text: string; gzipped?: Uint8Array<ArrayBuffer> };

/** Whether the request's Accept-Encoding takes gzip (`gzip`, or `*`, with a quality above 0). */
export function acceptsGzip(request: Request): boolean {
  const codings = new Map<string, number>();
  for (const part of (request.headers.get("accept-encoding") ?? "").split(",")) {
    const [coding = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const quality = params.find((param) => param.startsWith("q="));
    if (coding) codings.set(coding, quality ? Number(quality.slice(2)) : 1);
  }
  const quality = codings.get("gzip") ?? codings.get("*") ?? 0;
  return quality > 0;
}

/** The body with its gzipped bytes made, when it is large enough for them to pay. */
export async function withGzip(body: EncodableBody): Promise<EncodableBody> {
  if (body.gzipped || body.text.length < MIN_CHARS) return body;
  return { ...body, gzipped: new Uint8Array(await gzip(body.text)) };
}

/** The body as this client takes it: gzipped when it accepts gzip and the body is worth it. */
export async function encodedResponse(
  request: Request,
  body: EncodableBody,
  init: { status?: number; headers: HeadersInit },
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("vary", "accept-encoding");
  if (acceptsGzip(request)) {
    const { gzipped } = await withGzip(body);
    if (gzipped) {
      headers.set("content-encoding", "gzip");
      return new Response(gzipped, { status: init.status, headers });
    }
  }
  return new Response(body.text, { status: init.status, headers });
}

/** A JSON value as this client takes it. */
export function jsonResponse(request: Request, value: unknown, headers: Record<string, string> = {}) {
  return encodedResponse(
    request,
    { text: JSON.stringify(value) },
    { headers: { "content-type": "application/json", ...headers } },
  );
}
