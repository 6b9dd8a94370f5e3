// The headers of the app asking itself for a page it keeps (lib/platform/ops/internal-render.ts), by name.
// Imported by next.config.ts: no imports.

/** On the app's request to itself: the internal key. */
export const INTERNAL_RENDER_HEADER = "x-internal-render";
/** On the app's request to itself: the nonce to render with (replaced by each response's own). */
export const INTERNAL_NONCE_HEADER = "x-internal-render-nonce";
/** Set by the proxy (the internal key) on a donor page request for the kept-page route. */
export const KEPT_PAGE_HEADER = "x-kept-page";
