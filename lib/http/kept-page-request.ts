// Which donor page requests are answered from the page's kept rendered output (lib/http/kept-donor-page.ts):
// a browser opening the page (GET or HEAD) with no query or only a valid `?asOf=`, and nobody signed in
// (a manager checking the page after changing what it shows sees it rendered at once). proxy.ts marks
// such a request; next.config.ts (keptDonorPageRewrite) sends it to the kept-page route unless it is one of
// Next.js's own (RSC, prefetch), whose headers and `_rsc` query a proxy does not see. Anything else
// renders as usual. Imported by next.config.ts: relative imports only.
import { KEPT_PAGE_HEADER } from "../platform/ops/internal-render-headers";

const KEEPABLE_SEARCH = /^(\?asOf=\d{4}-\d{2}-\d{2})?$/;
/** A session cookie (next-auth's, "__Secure-" over HTTPS). */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/;

/** The rewrite to the kept-page route (pages/api/kept-pages/s/[token].ts) of a request the proxy marked. */
export const keptDonorPageRewrite = {
  source: "/s/:token",
  has: [{ type: "header" as const, key: KEPT_PAGE_HEADER }],
  missing: [
    { type: "header" as const, key: "rsc" },
    { type: "header" as const, key: "next-router-prefetch" },
    { type: "query" as const, key: "_rsc" },
  ],
  destination: "/api/kept-pages/s/:token",
};

export function isKeepableDonorPageRequest(method: string, headers: Headers, search: string): boolean {
  return (
    (method === "GET" || method === "HEAD") &&
    KEEPABLE_SEARCH.test(search) &&
    !SESSION_COOKIE.test(headers.get("cookie") ?? "")
  );
}
