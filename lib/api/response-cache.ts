// Summary responses kept as the text sent, keyed by their ETag (which names the project's data version
// and the whole view), so a popular donor link or dashboard is answered without serializing hundreds of
// kilobytes again. Bounded by size; least recently used entries leave first.
const MAX_CHARS = 64 * 1024 * 1024;
type Entry = { body: string };
const entries = new Map<string, Entry>();
let size = 0;

export function cachedBody(tag: string): Entry | undefined {
  const found = entries.get(tag);
  if (found) {
    entries.delete(tag);
    entries.set(tag, found); // most recently used last
  }
  return found;
}

export function rememberBody(tag: string, body: string): Entry {
  const entry = { body };
  if (body.length > MAX_CHARS / 4 || entries.has(tag)) return entry;
  entries.set(tag, entry);
  size += body.length;
  for (const [oldest, kept] of entries) {
    if (size <= MAX_CHARS) break;
    entries.delete(oldest);
    size -= kept.body.length;
  }
  return entry;
}
