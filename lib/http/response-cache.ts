// Summary responses kept as the text sent, keyed by their ETag (which names the project's data version
// and the whole view), so a popular donor link or dashboard is answered without serializing hundreds of
// kilobytes again. Bounded by size; least recently used entries leave first.
import { LruCache } from "@/lib/platform/ops/lru-cache";

const MAX_CHARS = 64 * 1024 * 1024;
const bodies = new LruCache<string>(MAX_CHARS, (body) => body.length);

export function cachedBody(tag: string): string | undefined {
  return bodies.get(tag);
}

export function rememberBody(tag: string, body: string): void {
  if (body.length <= MAX_CHARS / 4) bodies.set(tag, body);
}
