// Request bodies read with a size limit: a body past it is refused with a 413 problem as soon as the
// limit is crossed (the rest is never read), whatever Content-Length claims. A body that ends before
// the length it declared (cut short on the way, e.g. by a buffer in front) is refused too, never read
// as if it were the whole file.
import { ApiProblem } from "./problem";

function cutShort(declared: number, received: number): ApiProblem {
  return new ApiProblem("validation", `The body ended after ${received} of the ${declared} bytes it declared`, [
    { field: "body", message: "truncated" },
  ]);
}

/** The body's declared length (Content-Length), or null when it is streamed without one. */
export function declaredLength(request: Request): number | null {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  return Number.isFinite(declared) ? declared : null;
}

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
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitedStream(request.body, limit, declared)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The body's bytes as they arrive, failing with a 413 problem once more than `limit` have come, and
 * with a 400 problem when it ends short of the `declared` length.
 */
export async function* limitedStream(
  body: ReadableStream<Uint8Array>,
  limit: number,
  declared: number | null = null,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge(limit);
    yield chunk;
  }
  if (declared !== null && total < declared) throw cutShort(declared, total);
}
