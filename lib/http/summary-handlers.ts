// What the summary routes share: the JSON and CSV forms differ only in how the result is sent.
import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal, SharePrincipal } from "@/lib/domain/permissions";
import type { ShareOptions } from "@/lib/domain/share-links/options";
import { requestLocale } from "@/lib/platform/i18n/translator";
import { donorFigures, linkReader } from "@/lib/server/share-links/donor-report-view";
import { type FiguresPart, type ProjectFilters, projectFigures } from "@/lib/server/summary/project-view";
import { summaryVersion } from "@/lib/server/summary/service";
import { clientHas, weakEtag } from "./etag";
import { ApiProblem } from "./problem";
import { cachedBody, rememberBody } from "./response-cache";

type ProjectInput = {
  principal: Principal;
  params: { projectId: string };
  query: ProjectFilters & FiguresPart;
  /** The reader's language (names of the shared catalogue): given, or the request's. */
  locale?: Locale;
  request?: Request;
  /** The data version already read for the conditional GET. */
  dataVersion?: number;
};

const localeOf = (input: { locale?: Locale; request?: Request }) =>
  input.locale ?? (input.request ? requestLocale(input.request) : undefined);

export async function loadProjectSummary({ principal, params, query, ...input }: ProjectInput) {
  const summary = await projectFigures(principal, params.projectId, query, query, {
    locale: localeOf(input),
    dataVersion: input.dataVersion,
  });
  if (!summary) throw new ApiProblem("notFound", "No such project, or no access to it");
  return summary;
}

type SharedInput = {
  principal: { principal: SharePrincipal; options: ShareOptions };
  query: { asOf: AsOf } & FiguresPart;
  locale?: Locale;
  request?: Request;
  dataVersion?: number;
};

export async function loadSharedSummary({ principal, query, ...input }: SharedInput) {
  const summary = await donorFigures(linkReader(principal), query.asOf, query, {
    locale: localeOf(input),
    dataVersion: input.dataVersion,
  });
  if (!summary) throw new ApiProblem("notFound");
  return summary;
}

/**
 * Conditional GET for a summary: an ETag naming the project's data version and the whole view (query,
 * language, the as-of day, today's when none is asked, a link's options), so a client's copy is confirmed with a
 * 304 from one small query, and any change (which moves the version) gives the new figures.
 */
async function conditional(
  input: { request: Request; locale?: Locale; query: { asOf: AsOf } },
  version: number | null,
  view: unknown,
  load: () => Promise<{ version: number | null }>,
): Promise<Response> {
  const tag =
    version === null
      ? null
      : weakEtag(
          JSON.stringify([version, new URL(input.request.url).search, localeOf(input), input.query.asOf.toKey(), view]),
        );
  const headers: Record<string, string> = { "cache-control": tag ? "private, no-cache" : "no-store" };
  if (tag) headers.etag = tag;
  if (tag && clientHas(input.request, tag)) {
    return new Response(null, { status: 304, headers });
  }
  headers["content-type"] = "application/json";
  let body = tag ? cachedBody(tag) : undefined;
  if (body === undefined) {
    const summary = await load();
    body = JSON.stringify(summary);
    // Kept only when computed at the version the tag names (nothing changed meanwhile).
    if (tag && summary.version === version) rememberBody(tag, body);
  }
  // Sent as it is: Next.js drops a Content-Encoding set by an App Router route handler and compresses every
  // answer itself. The donor summary is served through a Pages Router route that sends these bytes
  // compressed once per ETag (lib/http/encoded-route.ts); the project summary is compressed by Next.js.
  return new Response(body, { headers });
}

/** GET …/summary: the project's figures, answered 304 when the client's copy is current. */
export async function projectSummaryResponse(input: ProjectInput & { request: Request }) {
  const version = await summaryVersion(input.principal, input.params.projectId, input.query.includeSubmitted);
  return conditional(input, version, input.params.projectId, () =>
    loadProjectSummary({ ...input, dataVersion: version ?? undefined }),
  );
}

/** GET /api/v1/shared/{token}/summary: a donor link's figures, answered 304 when unchanged. */
export async function sharedSummaryResponse(input: SharedInput & { request: Request }) {
  const { principal, options } = input.principal;
  const version = await summaryVersion(principal, principal.projectId);
  return conditional(input, version, [principal.linkId, options], () =>
    loadSharedSummary({ ...input, dataVersion: version ?? undefined }),
  );
}
