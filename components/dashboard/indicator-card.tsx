"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatFigure, formatShare } from "@/components/indicators/figure-format";
import { Narratives, narrativeWhere } from "@/components/indicators/narratives";
import { StatusBadge } from "@/components/indicators/status-badge";
import { IndicatorCharts } from "./indicator-charts";
import type { IndicatorJson, SummaryJson } from "./types";

/** One indicator: its headline numbers, and its charts on demand (they load only when opened). */
export function IndicatorCard({
  indicator,
  summary,
  initiallyOpen,
  detailsHref,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
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
      <div id={panelId}>{open && <IndicatorCharts indicator={indicator} summary={summary} />}</div>
    </article>
  );
}
