// Rendered pages kept in memory by key, for pages everyone sees alike (a donor page: lib/http/kept-donor-page.ts).
// A page is kept with the nonce it was rendered with cut out, so every response gets its own nonce (the
// Content-Security-Policy's point) without rendering again. Concurrent requests for a page not yet kept
// wait for one render. Only 200 answers are kept, each for `maxAgeMs` at most; bounded by size, least
// recently used first.
import "server-only";
import { LruCache } from "@/lib/platform/ops/lru-cache";

/** A page as rendered: its status, type and body, with the nonce it was rendered with. */
export type RenderedPage = { status: number; contentType: string; body: Uint8Array; nonce: string };

/** A page ready to send: its body in parts, to be joined with each response's nonce. */
export type KeptPage = { status: number; contentType: string; parts: readonly Buffer[]; keptAt: number };

const MAX_BYTES = 64 * 1024 * 1024;

const kept = new LruCache<KeptPage>(MAX_BYTES, (page) => page.parts.reduce((sum, part) => sum + part.byteLength, 0));
const rendering = new Map<string, Promise<KeptPage>>();

/** The body cut where the nonce appears (a nonce is random, so it appears only where it was put). */
export function cutOut(body: Uint8Array, nonce: string): Buffer[] {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(needle, from); at !== -1; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + needle.byteLength;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

/** A kept page's body with this response's nonce where the rendered one was. */
export function withNonce(page: KeptPage, nonce: string): Buffer {
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  page.parts.forEach((part, i) => {
    if (i > 0) pieces.push(needle);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

function keep(page: RenderedPage, now: number): KeptPage {
  return { status: page.status, contentType: page.contentType, parts: cutOut(page.body, page.nonce), keptAt: now };
}

/**
 * The page kept under `key` if it was rendered less than `maxAgeMs` ago, else `render`ed once (whoever
 * else asks meanwhile waits for that render) and kept when it answered 200.
 */
export async function keptPage(
  key: string,
  render: () => Promise<RenderedPage>,
  maxAgeMs: number,
  now: () => number = Date.now,
): Promise<{ page: KeptPage; from: "kept" | "rendered" }> {
  const found = kept.get(key);
  if (found && now() - found.keptAt < maxAgeMs) return { page: found, from: "kept" };
  let pending = rendering.get(key);
  if (!pending) {
    // A page is as old as the moment its render began (what it shows was read after that).
    const started = now();
    pending = render()
      .then((rendered) => {
        const page = keep(rendered, started);
        if (page.status === 200) kept.set(key, page);
        return page;
      })
      .finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return { page: await pending, from: "rendered" };
}

/** A page rendered for this request only (one that is not kept). */
export async function renderedOnce(render: () => Promise<RenderedPage>): Promise<KeptPage> {
  return keep(await render(), Date.now());
}
