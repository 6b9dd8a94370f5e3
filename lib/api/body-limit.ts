// Request bodies read with a size limit: a body past it is refused with a 413 problem as soon as the
// limit is crossed (the rest is never read), whatever Content-Length claims.
import { ApiProblem } from "./problem";

function tooLarge(limit: number): ApiProblem {
  return new ApiProblem("payloadTooLarge", `The body is larger than ${limit} bytes`, [
    { field: "body", message: "tooLarge" },
  ]);
}

/** The body as text, at most `limit` bytes. */
export async function readTextLimited(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, limit));
}

/** The body's bytes, at most `limit` of them. */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitedStream(request.body, limit)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The body's bytes as they arrive, failing with a 413 problem once more than `limit` have come. */
export async function* limitedStream(body: ReadableStream<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge(limit);
    yield chunk;
  }
}
