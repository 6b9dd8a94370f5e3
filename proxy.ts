// Runs before every page and API route.
// - API: a method a route does not answer gets a 405 problem with an Allow header (Next.js would answer
//   an empty 405); a body declared larger than the route reads gets a 413 problem.
// - Server actions: one called from another site gets a 403 problem (Next.js would answer 500), one whose
//   body is declared past the action limit a 413 problem. Next.js buffers a body for this proxy up to
//   experimental.proxyClientMaxBodySize (next.config.ts, from lib/platform/upload-limits.ts) and cuts it there.
// - Pages: a Content-Security-Policy with this request's nonce (Next.js reads it from the request's
//   policy header and puts it on its scripts), framing refused, HSTS over HTTPS.
// - Donor pages (/s/<token>): a revoked or expired link answers 410 and a flood 429, which a page cannot
//   set itself; an active link may be framed by the sites its manager listed. A browser opening an active
//   link is answered from the page's kept rendered output (lib/http/kept-donor-page.ts; this proxy marks
//   the request, next.config.ts rewrites it unless it is one of Next.js's own), which renders
//   it by asking the app itself (lib/platform/ops/internal-render.ts): such a request is not counted
//   against a client's limit, and its nonce is the one it asks for, which each answer replaces.
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/http/allowed-methods";
import { isKeepableDonorPageRequest } from "@/lib/http/kept-page-request";
import { env } from "@/lib/platform/env";
import { INTERNAL_HEADERS, internalKey, isInternalKey, requestedNonce } from "@/lib/platform/ops/internal-render";
import {
  INTERNAL_NONCE_HEADER,
  INTERNAL_RENDER_HEADER,
  KEPT_PAGE_HEADER,
} from "@/lib/platform/ops/internal-render-headers";
import { requestIdOf } from "@/lib/platform/ops/log";
import { foreignAction, oversizedBody } from "@/lib/platform/ops/proxy-refusals";
import {
  contentSecurityPolicy,
  newNonce,
  servedOverHttps,
  strictTransportSecurity,
} from "@/lib/platform/ops/security-headers";
import { shareLinkGate } from "@/lib/server/share-links/lookup";
import { allowShareView, SHARE_LIMITED_HEADER, SHARE_VIEW_COUNTED_HEADER } from "@/lib/server/share-links/view-limit";

const DONOR_PAGE = /^\/s\/([^/]+)\/?$/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Every request carries an id (a proxy's, when it is a plain one) that its log lines and errors name.
  const requestId = requestIdOf(request);
  const requestHeaders = new Headers(request.headers);
  // The app asking itself for a page it keeps; no request from outside carries these headers on.
  const internal = isInternalKey(request.headers.get(INTERNAL_RENDER_HEADER), "render");
  // Whoever sends a render header, valid or not, is never sent to the kept page (no loop, no guessing).
  const claimsInternal = request.headers.has(INTERNAL_RENDER_HEADER);
  const internalNonce = internal ? requestedNonce(request.headers.get(INTERNAL_NONCE_HEADER)) : null;
  for (const name of INTERNAL_HEADERS) requestHeaders.delete(name);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-request-start", String(Date.now()));
  requestHeaders.set("x-request-path", pathname);
  if (pathname.startsWith("/api/")) {
    const refused =
      methodNotAllowed(pathname, request.method) ?? oversizedBody(pathname, request.method, request.headers);
    if (refused) refused.headers.set("x-request-id", requestId);
    return refused ?? NextResponse.next({ request: { headers: requestHeaders } });
  }
  const refusedAction =
    foreignAction(request.method, request.headers) ?? oversizedBody(pathname, request.method, request.headers);
  if (refusedAction) {
    refusedAction.headers.set("x-request-id", requestId);
    return refusedAction;
  }

  // Only this proxy says so.
  requestHeaders.delete(SHARE_LIMITED_HEADER);
  requestHeaders.delete(SHARE_VIEW_COUNTED_HEADER);
  let status: number | undefined;
  let frameAncestors: string[] = [];
  const token = DONOR_PAGE.exec(pathname)?.[1];
  if (token) {
    if (!internal && !allowShareView(request.headers)) {
      status = 429;
      requestHeaders.set(SHARE_LIMITED_HEADER, "1");
    } else {
      const gate = await shareLinkGate(token);
      if (gate.state === "revoked" || gate.state === "expired") status = 410;
      frameAncestors = gate.embedOrigins;
      const { search } = request.nextUrl;
      if (internal) requestHeaders.set(SHARE_VIEW_COUNTED_HEADER, "1");
      // next.config.ts then sends it to the kept page, unless it is one of Next.js's own requests.
      else if (
        !claimsInternal &&
        gate.state === "active" &&
        isKeepableDonorPageRequest(request.method, request.headers, search)
      ) {
        requestHeaders.set(KEPT_PAGE_HEADER, internalKey("kept page"));
      }
    }
  }

  const settings = env();
  const https = servedOverHttps(
    settings.appUrlGiven ? settings.APP_URL : undefined,
    request.headers.get("x-forwarded-proto"),
    settings.TRUSTED_PROXY_HOPS,
  );
  const policy = contentSecurityPolicy({
    nonce: internalNonce ?? newNonce(),
    development: process.env.NODE_ENV === "development",
    frameAncestors,
    https,
  });
  requestHeaders.set("content-security-policy", policy);
  const response = status
    ? NextResponse.rewrite(request.nextUrl, { status, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-request-id", requestId);
  if (frameAncestors.length === 0) response.headers.set("x-frame-options", "DENY");
  if (https) response.headers.set("strict-transport-security", strictTransportSecurity);
  return response;
}

export const config = {
  matcher: [
    "/api/:path*",
    // Pages: everything but Next's static files and the files in public/.
    "/((?!api/|_next/static|_next/image|favicon\\.svg|manifest\\.webmanifest|robots\\.txt).*)",
  ],
};
