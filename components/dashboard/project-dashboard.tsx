"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { PlaceMapProvider } from "@/components/maps/place-map-context";
import { ProblemError } from "@/lib/client/problem";
import { type SummaryFilters, type SummarySource, summaryUrl, useSummary } from "@/lib/client/summary-query";
import type { PlaceMap } from "@/lib/maps/shapes";
import { firstOpenIndicator } from "@/lib/summary/first-open";
import { FilterBar } from "./filter-bar";
import { IndicatorCard } from "./indicator-card";
import { StatusHeadline, StatusMatrix } from "./status-overview";
import type { SummaryJson } from "./types";

export type LogframeNode = { id: string; code: string; level: "IMPACT" | "OUTCOME" | "OUTPUT"; title: string };

function sameFilters(a: SummaryFilters, b: SummaryFilters) {
  return (
    a.location === b.location && a.period === b.period && a.asOf === b.asOf && Boolean(a.preview) === Boolean(b.preview)
  );
}

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
 * Filters fetch the summary API through TanStack Query; the page never reloads.
 */
export function ProjectDashboard({
  source,
  initialSummary,
  initialFilters,
  nodes,
  mayPreview,
  regional = true,
  openIndicatorId,
  indicatorBaseHref,
  placeMap = null,
}: {
  source: SummarySource;
  initialSummary: SummaryJson;
  initialFilters: SummaryFilters;
  nodes: LogframeNode[];
  mayPreview: boolean;
  regional?: boolean;
  openIndicatorId?: string | null;
  /** Where an indicator's page is, followed by its id; donors get none. */
  indicatorBaseHref?: string;
  /** The project's places drawn by the server, for the cards' maps; null when none can be drawn. */
  placeMap?: PlaceMap | null;
}) {
  const t = useTranslations("dashboard");
  const tLevels = useTranslations("project.levels");
  const format = useFormatter();
  const [filters, setFilters] = useState(initialFilters);
  const query = useSummary(source, filters, sameFilters(filters, initialFilters) ? initialSummary : undefined);
  const summary = query.data ?? initialSummary;
  const failed = !query.isError
    ? null
    : source.kind === "shared" &&
        query.error instanceof ProblemError &&
        (query.error.status === 410 || query.error.status === 404)
      ? "linkGone"
      : "loadFailed";
  const change = (next: SummaryFilters) => {
    setFilters(next);
    writeFiltersToUrl(next);
  };
  const firstOpen = openIndicatorId ?? firstOpenIndicator(summary.indicators);

  return (
    <PlaceMapProvider map={placeMap}>
      <div
        className="dashboard"
        aria-busy={query.isFetching}
        data-png-caption={t("pngCaption", {
          project: summary.project.name,
          date: format.dateTime(new Date(summary.asOf), { dateStyle: "long" }),
          approved: summary.includesSubmitted ? "preview" : "approved",
        })}
      >
        <FilterBar filters={filters} onChange={change} summary={summary} mayPreview={mayPreview} regional={regional} />
        <p className="muted" role="status" hidden={failed !== null}>
          {query.isFetching
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
              <button type="button" className="button secondary" onClick={() => query.refetch()}>
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
                      detailsHref={indicatorBaseHref ? `${indicatorBaseHref}${i.indicator.id}` : undefined}
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
