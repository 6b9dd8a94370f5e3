"use client";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { DisaggregationChart } from "@/components/charts/lazy";
import { addsUp } from "@/lib/domain/measures";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { disaggregationData, notReportedKey } from "./shape";
import { useChartText } from "./use-chart-text";

/**
 * The indicator by one dimension's options (and, for counts, the part not reported), place by place,
 * with its table; a sentence when no option has a figure, nothing when no place has one.
 */
export function DimensionChart({
  indicator,
  summary,
  dimension: d,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
  dimension: IndicatorJson["byDimension"][number];
}) {
  const { t, fig, rowLabel, file, name, measure } = useChartText(indicator, summary);
  const { options, rows } = disaggregationData(indicator, d.dimensionId, rowLabel);
  if (rows.length === 0) return null;
  if (d.options.every((o) => o.actual === null)) {
    return <p className="muted">{t("noDisaggregatedData", { dimension: d.name })}</p>;
  }
  const columns = [
    { key: "region", label: t("region") },
    ...options.map((o) => ({ key: o.key, label: o.name })),
    ...(addsUp(measure) ? [{ key: notReportedKey, label: t("notReported") }] : []),
  ];
  const table: ChartTable = {
    caption: t("disaggregationCaption", { indicator: name, dimension: d.name }),
    columns,
    rows: rows.map((r) => ({
      key: String(r.region),
      cells: Object.fromEntries(
        columns.map((c) => [c.key, c.key === "region" ? r.region : fig(r[c.key] as number | null)]),
      ),
      raw: Object.fromEntries(
        columns.map((c) => [c.key === notReportedKey ? "not_reported" : c.key, r[c.key] ?? null]),
      ),
    })),
  };
  return (
    <ChartFrame title={t("disaggregation", { dimension: d.name })} subject={name} filename={file(d.key)} table={table}>
      <DisaggregationChart rows={rows} options={options} measure={measure} />
    </ChartFrame>
  );
}
