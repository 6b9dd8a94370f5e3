"use client";
import { useTranslations } from "next-intl";
import { IndicatorMap } from "@/components/maps/indicator-map";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import { isText } from "@/lib/domain/measures";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { DimensionChart } from "./dimension-chart";
import { Explanation } from "./explanation";
import { PlaceTrends } from "./place-trends";
import { RegionsChart } from "./regions-chart";
import { bulletData, regionRows } from "./shape";
import { TimeChart } from "./time-chart";
import { useChartText } from "./use-chart-text";

/**
 * Every chart of one indicator, each with its table view and downloads, then the explanation: its
 * warnings, target against achieved by place (and the map), over time, trends per place, and one chart
 * per dimension.
 */
export function IndicatorCharts({
  indicator,
  summary,
  view,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
  /** Where the figures come from: trends per place are fetched there (signed-in dashboards). */
  view?: { source: SummarySource; filters: SummaryFilters };
}) {
  const tWarnings = useTranslations("warnings");
  const { t, rowLabel, file, measure } = useChartText(indicator, summary);
  if (isText(measure)) return <p>{t("qualitative")}</p>;
  const bullet = bulletData(indicator, rowLabel);
  // Trends per place: monitoring figures by period, on a project's own dashboard not filtered to one place.
  const trendPlaces =
    view?.source.kind === "project" &&
    !view.filters.location &&
    indicator.indicator.source !== "SURVEY" &&
    indicator.byTime.length > 1
      ? regionRows(indicator)
          .filter((r) => !r.ownValuesOf)
          .map((r) => ({ id: r.id, name: r.name, status: r.status }))
      : [];
  return (
    <div className="indicator-charts">
      {indicator.warnings.map((w) => (
        <p key={w.code} className="notice" data-warning={w.code}>
          {tWarnings(w.code as "regionalTargetsDoNotAddUp")}
        </p>
      ))}
      {bullet.rows.length > 0 && <RegionsChart indicator={indicator} summary={summary} bullet={bullet} />}
      {bullet.rows.length > 0 && <IndicatorMap indicator={indicator} filename={file("map")} />}
      {indicator.byTime.length > 0 && <TimeChart indicator={indicator} summary={summary} />}
      {trendPlaces.length > 1 && view && <PlaceTrends indicator={indicator} places={trendPlaces} view={view} />}
      {indicator.byDimension.map((d) => (
        <DimensionChart key={d.dimensionId} indicator={indicator} summary={summary} dimension={d} />
      ))}
      <Explanation figure={indicator.overall} context={summary} />
    </div>
  );
}
