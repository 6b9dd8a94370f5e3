// Summary bodies compressed once per ETag and encoding (brotli or gzip), so a popular donor link sends
// the same bytes to every reader until its project's data version moves, instead of compressing
// hundreds of kilobytes per request. The tag names the project's data version and the whole view
// (link, filters, language, as-of day), so a new version is a new key. Bounded by size; least recently
// used entries leave first. Compression runs on libuv's thread pool, not the request loop.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { LruCache } from "@/lib/platform/ops/lru-cache";

export type Encoding = "br" | "gzip";

const MAX_BYTES = 32 * 1024 * 1024;
const kept = new LruCache<Uint8Array>(MAX_BYTES, (bytes) => bytes.byteLength);
/** Compressions under way, so concurrent first readers of a version wait for one. */
const running = new Map<string, Promise<Uint8Array>>();

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * How hard to compress: once per tag (a summary, sent many times) slower and smaller (brotli 9: tens of
 * ms for 458 KiB); for one response only (a kept page carries each response's own nonce, so its bytes
 * differ every time) what a request can afford, a few milliseconds for half a megabyte of HTML.
 */
const LEVELS = { once: 9, "per response": 4 } as const;

export function compress(
  data: string | Uint8Array,
  encoding: Encoding,
  effort: keyof typeof LEVELS = "once",
): Promise<Uint8Array> {
  const level = LEVELS[effort];
  return encoding === "br"
    ? brotli(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: level,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength,
        },
      })
    : gzipped(data, { level });
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, else gzip (the one with the higher
 * q-value when both are acceptable, brotli on a tie), else null for identity. `q=0` refuses one;
 * `*` stands for those not named.
 */
export function chooseEncoding(accept: string | null | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (!name.trim()) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weight = (encoding: Encoding) => weights.get(encoding) ?? weights.get("*") ?? 0;
  if (weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  return weight("gzip") > 0 ? "gzip" : null;
}

/** `text` (the body the tag names) compressed, the same bytes for every request of that tag and encoding. */
export function encodedBody(tag: string, encoding: Encoding, text: string): Promise<Uint8Array> {
  const key = `${encoding} ${tag}`;
  const found = kept.get(key);
  if (found) return Promise.resolve(found);
  let pending = running.get(key);
  if (!pending) {
    pending = compress(text, encoding)
      .then((bytes) => {
        if (bytes.byteLength <= MAX_BYTES / 4) kept.set(key, bytes);
        return bytes;
      })
      .finally(() => running.delete(key));
    running.set(key, pending);
  }
  return pending;
}
