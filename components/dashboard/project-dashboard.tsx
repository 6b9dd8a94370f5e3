"use client";
import { useFormatter, useTranslations } from "next-intl";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { PlaceMapProvider } from "@/components/maps/place-map-context";
import { type SummaryFilters, type SummarySource, summaryUrl } from "@/lib/client/summary-url";
import type { PlaceMap } from "@/lib/domain/maps/shapes";
import { firstOpenIndicator } from "@/lib/domain/summary/first-open";
import type { SummaryJson } from "@/lib/domain/summary/types";
import { FilterBar } from "./filter-bar";
import { IndicatorCard } from "./indicator-card";
import { StatusHeadline, StatusMatrix } from "./status-overview";
import type { FetchedSummary } from "./summary-fetcher";

export type LogframeNode = { id: string; code: string; level: "IMPACT" | "OUTCOME" | "OUTPUT"; title: string };

// The fetching code (and the query library) loads with the first filter change: the page came with its figures.
const SummaryFetcher = lazy(() => import("./summary-fetcher").then((m) => ({ default: m.SummaryFetcher })));

/** Keeps the filters in the address bar, so a view can be bookmarked, without a server round trip. */
function writeFiltersToUrl(filters: SummaryFilters) {
  const url = new URL(window.location.href);
  for (const key of ["location", "period", "asOf", "preview"] as const) url.searchParams.delete(key);
  if (filters.location) url.searchParams.set("location", filters.location);
  if (filters.period) url.searchParams.set("period", filters.period);
  if (filters.asOf) url.searchParams.set("asOf", filters.asOf);
  if (filters.preview) url.searchParams.set("preview", "1");
  window.history.replaceState(null, "", url);
}

/**
 * The project dashboard: filters, headline, status matrix, and every indicator by outcome and output.
 * The page brings the first screen's figures; filters fetch the summary API through TanStack Query (loaded
 * with the first change), and the page never reloads.
 */
export function ProjectDashboard({
  source,
  initialSummary,
  initialFilters,
  nodes,
  mayPreview,
  regional = true,
  openIndicatorId,
  detailsLinks = {},
  placeMap = null,
}: {
  source: SummarySource;
  initialSummary: SummaryJson;
  initialFilters: SummaryFilters;
  nodes: LogframeNode[];
  mayPreview: boolean;
  regional?: boolean;
  openIndicatorId?: string | null;
  /** Per indicator id, a link to its page, made by the page; donors get none. */
  detailsLinks?: Record<string, ReactNode>;
  /** The project's places drawn by the server, for the cards' maps; null when none can be drawn. */
  placeMap?: PlaceMap | null;
}) {
  const t = useTranslations("dashboard");
  const tLevels = useTranslations("project.levels");
  const format = useFormatter();
  const [filters, setFilters] = useState(initialFilters);
  // Nothing is fetched until a filter changes; then the fetcher reports here (until it loads: fetching).
  const [live, setLive] = useState(false);
  const [fetched, setFetched] = useState<FetchedSummary | null>(null);
  const summary = fetched?.data ?? initialSummary;
  const fetching = live && (fetched?.fetching ?? true);
  const failed = fetched?.failed ?? null;
  const change = (next: SummaryFilters) => {
    setFilters(next);
    setLive(true);
    writeFiltersToUrl(next);
  };
  const firstOpen = openIndicatorId ?? firstOpenIndicator(summary.indicators);

  return (
    <PlaceMapProvider map={placeMap}>
      {live && (
        <Suspense fallback={null}>
          <SummaryFetcher
            source={source}
            filters={filters}
            initial={{ filters: initialFilters, summary: initialSummary }}
            onState={setFetched}
          />
        </Suspense>
      )}
      <div
        className="dashboard"
        aria-busy={fetching}
        data-png-caption={t("pngCaption", {
          project: summary.project.name,
          date: format.dateTime(new Date(summary.asOf), { dateStyle: "long" }),
          approved: summary.includesSubmitted ? "preview" : "approved",
        })}
      >
        <FilterBar filters={filters} onChange={change} summary={summary} mayPreview={mayPreview} regional={regional} />
        <p className="muted" role="status" hidden={failed !== null}>
          {fetching
            ? t("updating")
            : t("asOf", { date: format.dateTime(new Date(summary.asOf), { dateStyle: "long" }) })}
          {" · "}
          {summary.includesSubmitted ? (
            <strong className="preview-flag">{t("previewNotice")}</strong>
          ) : (
            t("approvedOnly")
          )}
          {" · "}
          <a href={summaryUrl(source, filters, "csv")} download>
            {t("downloadAll")}
          </a>
        </p>
        {failed ? (
          // Figures that no longer apply (other filters, or a link revoked meanwhile) are not shown.
          <div role="alert" className="error load-failed">
            <p>{t(failed)}</p>
            {failed !== "linkGone" && (
              <button type="button" className="button secondary" onClick={() => fetched?.refetch()}>
                {t("retry")}
              </button>
            )}
          </div>
        ) : (
          <>
            <StatusHeadline summary={summary} />
            <StatusMatrix summary={summary} />
            {nodes.map((node) => {
              const indicators = summary.indicators.filter((i) => i.resultNodeId === node.id);
              if (indicators.length === 0) return null;
              return (
                <section key={node.id} className="logframe-section" aria-labelledby={`node-${node.id}`}>
                  <h2 id={`node-${node.id}`}>
                    <span className="level">
                      {tLevels(node.level)} {node.code}
                    </span>{" "}
                    {node.title}
                  </h2>
                  {indicators.map((i) => (
                    <IndicatorCard
                      key={i.indicator.id}
                      indicator={i}
                      summary={summary}
                      view={{ source, filters }}
                      initiallyOpen={i.indicator.id === firstOpen}
                      detailsLink={detailsLinks[i.indicator.id]}
                    />
                  ))}
                </section>
              );
            })}
          </>
        )}
      </div>
    </PlaceMapProvider>
  );
}
