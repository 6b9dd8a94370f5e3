// A donor page (/s/<token>) answered from its kept rendered output (lib/http/kept-pages.ts) instead of
// rendering it per view: a popular link under load costs a lookup of the link and of the project's data
// version, not a render. A browser's request comes here (pages/api/kept-pages/s/[token].ts) only once
// proxy.ts counted the view against the client's limit and found the link active (lib/http/kept-page-request.ts);
// everything else (a revoked, expired or unknown link, Next.js's own requests, other queries) renders as usual.
//
// The key names what the page's figures are made of: the link (its label and what it shows), the
// project's data version, the day (asked, or today), the query and the language. What the key does not
// name (the project's texts, notes, files and studies shared) is at most KEPT_PAGE_SECONDS old; the
// files' and studies' own routes check the link on every download. A page is rendered by asking the app
// itself for it (the internal key, lib/platform/ops/internal-render.ts), so it is the very page a
// request would render, with its nonce replaced by each response's own.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AsOf } from "@/lib/domain/as-of";
import { type Locale, localeCookie, localeCookieValue, requestLocaleOf } from "@/lib/domain/i18n/config";
import { internalKey, isInternalKey } from "@/lib/platform/ops/internal-render";
import {
  INTERNAL_NONCE_HEADER,
  INTERNAL_RENDER_HEADER,
  KEPT_PAGE_HEADER,
} from "@/lib/platform/ops/internal-render-headers";
import { log } from "@/lib/platform/ops/log";
import { newNonce } from "@/lib/platform/ops/security-headers";
import { openShareLink } from "@/lib/server/share-links/service";
import { summaryVersion } from "@/lib/server/summary/service";
import { chooseEncoding, compress } from "./encoded-bodies";
import { webHeaders } from "./encoded-route";
import { type KeptPage, keptPage, type RenderedPage, renderedOnce, withNonce } from "./kept-pages";

/** How long a kept donor page may show texts, notes, files and studies its key does not name. */
export const KEPT_PAGE_SECONDS = 30;

/** How long the app waits for its own render of a page before the reader is sent to the page itself. */
const RENDER_TIMEOUT_MS = 30_000;

/** On each answer: whether the page was kept, rendered for it (and kept), or rendered for it alone. */
export const PAGE_SOURCE_HEADER = "x-page-source";

/** This response's nonce, from the policy proxy.ts put on the request. */
function nonceOf(headers: Headers): string {
  return /'nonce-([^']+)'/.exec(headers.get("content-security-policy") ?? "")?.[1] ?? newNonce();
}

/** The address this server was reached at, to ask itself for the page. */
function ownOrigin(req: IncomingMessage): string {
  const address = (req.socket.localAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  return `http://${address.includes(":") ? `[${address}]` : address}:${req.socket.localPort}`;
}

/** The page as this app renders it for a request with this query and language, with a nonce of its own. */
async function renderDonorPage(origin: string, token: string, search: string, locale: Locale): Promise<RenderedPage> {
  const nonce = newNonce();
  const response = await fetch(`${origin}/s/${encodeURIComponent(token)}${search}`, {
    headers: {
      [INTERNAL_RENDER_HEADER]: internalKey("render"),
      [INTERNAL_NONCE_HEADER]: nonce,
      cookie: `${localeCookie}=${locale}`,
      "accept-encoding": "identity",
    },
    redirect: "manual",
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  // The page, or the page saying the link is gone or unknown; anything else (a redirect, an error, a page
  // without the nonce it was asked to carry, whose scripts would all be blocked) is not passed on.
  if (![200, 404, 410].includes(response.status)) throw new Error(`the page answered ${response.status}`);
  if (!Buffer.from(body).includes(nonce)) throw new Error("the page does not carry the nonce it was given");
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "text/html; charset=utf-8",
    body,
    nonce,
  };
}

async function send(req: IncomingMessage, headers: Headers, res: ServerResponse, page: KeptPage, source: string) {
  const body = withNonce(page, nonceOf(headers));
  const encoding = req.method === "HEAD" ? null : chooseEncoding(headers.get("accept-encoding"));
  const bytes = encoding ? await compress(body, encoding, "per response") : body;
  res.statusCode = page.status;
  res.setHeader("content-type", page.contentType);
  // As Next.js sends a page rendered per request: browsers and proxies keep no copy.
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("vary", "Accept-Encoding");
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", bytes.byteLength);
  res.setHeader(PAGE_SOURCE_HEADER, source);
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** The kept-page route: only for requests proxy.ts rewrote here (a 404 for anyone else). */
export async function serveKeptDonorPage(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  const headers = webHeaders(req);
  if (!isInternalKey(headers.get(KEPT_PAGE_HEADER), "kept page")) {
    res.statusCode = 404;
    res.end();
    return;
  }
  // The proxy let through no query but a day written YYYY-MM-DD (the rewrite may add the token to it).
  const day = new URL(req.url ?? "/", "http://localhost").searchParams.get("asOf");
  const asOf = day === null ? AsOf.today() : AsOf.fromSearch(day);
  const search = day === null ? "" : `?asOf=${encodeURIComponent(day)}`;
  // The language the page renders in, as lib/platform/i18n/request.ts finds it.
  const locale = requestLocaleOf(localeCookieValue(headers.get("cookie")), headers.get("accept-language"));
  const render = () => renderDonorPage(ownOrigin(req), token, search, locale);
  try {
    // Counts the view (the render below counts none) and finds what the page's figures are made of.
    const access = await openShareLink(token);
    const version =
      access.state === "active" ? await summaryVersion(access.principal, access.principal.projectId) : null;
    if (access.state !== "active" || version === null || asOf === null) {
      // Revoked or gone since the proxy looked, or a day that is none (2021-02-30): rendered for this request.
      return await send(req, headers, res, await renderedOnce(render), "once");
    }
    const key = JSON.stringify([token, access.label, access.options, version, asOf.asked, asOf.toKey(), locale]);
    const { page, from } = await keptPage(key, render, KEPT_PAGE_SECONDS * 1000);
    return await send(req, headers, res, page, from);
  } catch (error) {
    if (res.headersSent) throw error;
    // The app could not reach itself (or took too long): the reader gets the page rendered as usual, by
    // an address the proxy does not keep (another query), rather than an error.
    log.warn({ err: error }, "donor page could not be rendered to keep; sent to the page itself");
    res.statusCode = 307;
    res.setHeader("location", `/s/${encodeURIComponent(token)}${search ? `${search}&` : "?"}render=direct`);
    res.setHeader("cache-control", "no-store");
    res.end();
  }
}
