"use client";
import { useTranslations } from "next-intl";
import { useIndicatorDetail } from "@/lib/client/summary-query";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { IndicatorCharts } from "./indicator-charts";

/** An open card's charts: from the figures at hand when they are complete, else fetched. */
export function CardDetail({
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
