"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatFigure, formatShare } from "@/components/indicators/figure-format";
import { Narratives, narrativeWhere } from "@/components/indicators/narratives";
import { StatusBadge } from "@/components/indicators/status-badge";
import { type SummaryFilters, type SummarySource, useIndicatorDetail } from "@/lib/client/summary-query";
import { IndicatorCharts } from "./indicator-charts";
import type { IndicatorJson, SummaryJson } from "./types";

/**
 * One indicator: its headline numbers, and its charts on demand. The charts' code loads when a card
 * first opens, and so do its figures by period and option when the first screen did not bring them.
 */
export function IndicatorCard({
  indicator,
  summary,
  view,
  initiallyOpen,
  detailsHref,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
  /** Where the summary came from and with which filters: where the card's detail is fetched. */
  view: { source: SummarySource; filters: SummaryFilters };
  initiallyOpen: boolean;
  detailsHref?: string;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const { code, title, measure, unit } = indicator.indicator;
  const o = indicator.overall;
  const fig = (v: number | null, empty: string) => formatFigure(format, measure, v, empty);
  const qualitative = measure === "QUALITATIVE";
  const latest = indicator.narratives[0];
  return (
    <article className="indicator-card" data-indicator={code}>
      <header>
        <h3>
          {code} {title}
        </h3>
        <dl className="figures">
          <div>
            <dt>{t("target")}</dt>
            <dd data-figure="target">
              {qualitative ? (indicator.targetText ?? t("notSet")) : fig(o.target, t("notSet"))}
            </dd>
          </div>
          <div>
            <dt>{t("actual")}</dt>
            <dd data-figure="actual">
              {qualitative
                ? latest
                  ? `${latest.text} (${narrativeWhere(latest, summary.locations)})`
                  : t("noData")
                : fig(o.actual, t("noData"))}
            </dd>
          </div>
          <div>
            <dt>{t("achievement")}</dt>
            <dd data-figure="achievement">{formatShare(format, o.achievement)}</dd>
          </div>
          <div>
            <dt>{t("status")}</dt>
            <dd>
              <StatusBadge status={o.status} />
            </dd>
          </div>
        </dl>
        {unit && unit !== "%" && <p className="muted">{t("unit", { unit })}</p>}
        {qualitative && indicator.narratives.length > 1 && (
          <details className="narratives-more">
            <summary>{t("earlierNarratives", { count: indicator.narratives.length - 1 })}</summary>
            <Narratives indicator={{ ...indicator, narratives: indicator.narratives.slice(1) }} summary={summary} />
          </details>
        )}
        <p className="card-actions no-print">
          <button
            type="button"
            className="button secondary"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            {open ? t("hideCharts") : t("showCharts")}
          </button>
          {detailsHref && <Link href={detailsHref}>{t("details")}</Link>}
        </p>
      </header>
      <div id={panelId}>{open && <CardDetail indicator={indicator} summary={summary} view={view} />}</div>
    </article>
  );
}

/** An open card's charts: from the figures at hand when they are complete, else fetched. */
function CardDetail({
  indicator,
  summary,
  view,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
  view: { source: SummarySource; filters: SummaryFilters };
}) {
  const t = useTranslations("dashboard");
  const complete = indicator.depth === "full";
  const detail = useIndicatorDetail(view.source, view.filters, indicator.indicator.id, !complete);
  if (complete) return <IndicatorCharts indicator={indicator} summary={summary} view={view} />;
  const fetched = detail.data?.indicators[0];
  if (detail.data && fetched) return <IndicatorCharts indicator={fetched} summary={detail.data} view={view} />;
  return detail.isError ? (
    <p role="alert" className="error">
      {t("loadFailed")}
    </p>
  ) : (
    <p className="muted" role="status">
      {t("updating")}
    </p>
  );
}
