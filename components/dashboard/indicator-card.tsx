"use client";
import { useFormatter, useTranslations } from "next-intl";
import { lazy, type ReactNode, Suspense, useId, useState, useSyncExternalStore } from "react";
import { Narratives, narrativeWhere } from "@/components/indicators/narratives";
import { StatusBadge } from "@/components/indicators/status-badge";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import { formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import { isText } from "@/lib/domain/measures";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";

// An open card's charts, maps and tables load after the page (the first card's too): they are not
// part of a dashboard's first load, which has a budget (scripts/bundle-report.ts).
// (React's own lazy: next/dynamic would itself add to that first load.)
const CardDetail = lazy(() => import("./card-detail").then((m) => ({ default: m.CardDetail })));
const noSubscription = () => () => {};

/** False in the server's render and in hydration, true after: the charts are never rendered on the server. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * One indicator: its headline numbers, and its charts on demand. The charts' code loads when a card
 * first opens, and so do its figures by period and option when the first screen did not bring them.
 */
export function IndicatorCard({
  indicator,
  summary,
  view,
  initiallyOpen,
  detailsLink,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
  /** Where the summary came from and with which filters: where the card's detail is fetched. */
  view: { source: SummarySource; filters: SummaryFilters };
  initiallyOpen: boolean;
  /** A link to the indicator's page, made by the page (donors get none, and no link code). */
  detailsLink?: ReactNode;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const hydrated = useHydrated();
  const skeleton = <div className="chart-box skeleton" />;
  const { code, title, measure, unit } = indicator.indicator;
  const o = indicator.overall;
  const fig = (v: number | null, empty: string) => formatFigure(format, measure, v, empty);
  const qualitative = isText(measure);
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
          {detailsLink}
        </p>
      </header>
      <div id={panelId}>
        {open &&
          (hydrated ? (
            <Suspense fallback={skeleton}>
              <CardDetail indicator={indicator} summary={summary} view={view} />
            </Suspense>
          ) : (
            skeleton
          ))}
      </div>
    </article>
  );
}
