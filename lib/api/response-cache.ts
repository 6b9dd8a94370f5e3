// Summary responses kept as sent (their text and gzipped bytes), keyed by their ETag (which names the
// project's data version and the whole view), so a popular donor link or dashboard is answered without
// serializing and compressing hundreds of kilobytes again. Bounded by size; least recently used first out.
import { LruCache } from "@/lib/ops/lru-cache";
import type { EncodableBody } from "./compression";

const MAX_BYTES = 64 * 1024 * 1024;
const sizeOf = (body: EncodableBody) => body.text.length + (body.gzipped?.byteLength ?? 0);
const bodies = new LruCache<EncodableBody>(MAX_BYTES, sizeOf);

export function cachedBody(tag: string): EncodableBody | undefined {
  return bodies.get(tag);
}

export function rememberBody(tag: string, body: EncodableBody): void {
  if (sizeOf(body) <= MAX_BYTES / 4) bodies.set(tag, body);
}
