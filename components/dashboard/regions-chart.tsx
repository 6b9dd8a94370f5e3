"use client";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { BulletChart } from "@/components/charts/lazy";
import { StatusBadge } from "@/components/indicators/status-badge";
import { formatCounts, formatShare } from "@/lib/domain/format/figure-format";
import { isRatio } from "@/lib/domain/measures";
import type { FigureJson, IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { type bulletData, groupRows, regionRowKey, regionRows } from "./shape";
import { useChartText } from "./use-chart-text";

/** Target against achieved by place, with its table: each place, each group of places, and the total. */
export function RegionsChart({
  indicator,
  summary,
  bullet,
}: {
  indicator: IndicatorJson;
  summary: SummaryJson;
  bullet: ReturnType<typeof bulletData>;
}) {
  const { t, format, fig, rowLabel, file, name, measure } = useChartText(indicator, summary);
  const columns = [
    { key: "region", label: t("region") },
    { key: "target", label: t("target") },
    { key: "achieved", label: t("achieved") },
    ...(isRatio(measure) ? [{ key: "counts", label: t("numeratorDenominator") }] : []),
    { key: "achievement", label: t("achievement") },
    { key: "status", label: t("status") },
    { key: "results", label: t("results") },
  ];
  const row = (key: string, label: string, f: FigureJson, header = false) => ({
    key,
    header,
    cells: {
      region: label,
      target: fig(f.target, t("notSet")),
      achieved: fig(f.actual),
      counts: formatCounts(format, f.numerator, f.denominator),
      achievement: formatShare(format, f.achievement),
      status: <StatusBadge status={f.status} />,
      results: format.number(f.explanation.resultCount),
    },
    raw: {
      region: label,
      target: f.target,
      achieved: f.actual,
      counts: f.numerator === null ? null : `${f.numerator}/${f.denominator}`,
      achievement: f.achievement,
      status: f.status,
      results: f.explanation.resultCount,
    },
  });
  const table: ChartTable = {
    caption: t("tableCaption", { indicator: name }),
    columns,
    rows: [
      ...regionRows(indicator).map((r) => row(regionRowKey({ ...r, id: r.isoCode ?? r.id }), rowLabel(r), r)),
      ...groupRows(indicator).map((r) => row(r.isoCode ?? r.id, r.name, r, true)),
      row("total", t("total"), indicator.overall, true),
    ],
  };
  return (
    <ChartFrame title={t("targetVsAchieved")} subject={name} filename={file("regions")} table={table}>
      <BulletChart data={bullet.rows} frameMax={bullet.frameMax} measure={measure} />
    </ChartFrame>
  );
}
