"use client";
import { useFormatter, useTranslations } from "next-intl";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { BulletChart, DisaggregationChart, ProgressChart, SurveyRoundsChart } from "@/components/charts/lazy";
import { StatusBadge } from "@/components/indicators/status-badge";
import { IndicatorMap } from "@/components/maps/indicator-map";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import { formatCounts, formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import { addsUp, isRatio, isText } from "@/lib/domain/measures";
import type { FigureJson, IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { Explanation } from "./explanation";
import { PlaceTrends } from "./place-trends";
import {
  bulletData,
  disaggregationData,
  groupRows,
  notReportedKey,
  progressData,
  type RowLabel,
  regionRowKey,
  regionRows,
  roundsData,
} from "./shape";

/** Every chart of one indicator, each with its table view and downloads, then the explanation. */
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
  const t = useTranslations("chart");
  const tWarnings = useTranslations("warnings");
  const rowLabel: RowLabel = (r) => (r.ownValuesOf ? t("notByRegion", { place: r.name }) : r.name);
  const format = useFormatter();
  const { measure, code, title } = indicator.indicator;
  if (isText(measure)) return <p>{t("qualitative")}</p>;
  const fig = (v: number | null, empty = t("noData")) => formatFigure(format, measure, v, empty);
  const name = `${code} ${title}`;
  const file = (kind: string) => `${summary.project.code}-${code}-${kind}`.replace(/[^\w.-]/g, "_");

  const regionTable = (): ChartTable => {
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
    return {
      caption: t("tableCaption", { indicator: name }),
      columns,
      rows: [
        ...regionRows(indicator).map((r) => row(regionRowKey({ ...r, id: r.isoCode ?? r.id }), rowLabel(r), r)),
        ...groupRows(indicator).map((r) => row(r.isoCode ?? r.id, r.name, r, true)),
        row("total", t("total"), indicator.overall, true),
      ],
    };
  };

  const bullet = bulletData(indicator, rowLabel);
  const isSurvey = indicator.indicator.source === "SURVEY";
  const timeTable = (): ChartTable => {
    const rows = isSurvey ? roundsData(indicator) : progressData(indicator);
    const columns = isSurvey
      ? [
          { key: "label", label: t("round") },
          { key: "value", label: t("achieved") },
          { key: "ci", label: t("confidenceInterval") },
          { key: "n", label: t("sampleSize") },
          { key: "target", label: t("target") },
          { key: "change", label: t("changeVsPrevious") },
        ]
      : [
          { key: "label", label: t("period") },
          { key: "actual", label: t("periodValue") },
          { key: "actualToDate", label: t("achievedToDate") },
          { key: "expectedToDate", label: t("expectedToDate") },
          { key: "target", label: t("target") },
        ];
    return {
      caption: t(isSurvey ? "roundsCaption" : "progressCaption", { indicator: name }),
      columns,
      rows: rows.map((r): ChartTable["rows"][number] => {
        if ("value" in r) {
          return {
            key: r.label,
            cells: {
              label: r.label,
              value: fig(r.value),
              ci: r.low === null || r.high === null ? "–" : `${fig(r.low)} – ${fig(r.high)}`,
              n: r.n === null ? "–" : format.number(r.n, { maximumFractionDigits: 1 }),
              target: fig(r.target, t("notSet")),
              change:
                r.changeExceedsMargin === null
                  ? "–"
                  : t(r.changeExceedsMargin ? "changeBeyondMargin" : "changeWithinMargin"),
            },
            raw: {
              label: r.label,
              value: r.value,
              ci: r.low === null ? null : `${r.low}-${r.high}`,
              n: r.n,
              target: r.target,
              change: r.changeExceedsMargin === null ? null : String(r.changeExceedsMargin),
            },
          };
        }
        return {
          key: r.label,
          cells: {
            label: r.label,
            actual: fig(r.actual),
            actualToDate: fig(r.actualToDate),
            expectedToDate: fig(r.expectedToDate, t("notYetDue")),
            target: fig(r.target, t("notSet")),
          },
          raw: { ...r },
        };
      }),
    };
  };

  // Trends per place: monitoring figures by period, on a project's own dashboard not filtered to one place.
  const trendPlaces =
    view?.source.kind === "project" && !view.filters.location && !isSurvey && indicator.byTime.length > 1
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
      {bullet.rows.length > 0 && (
        <ChartFrame title={t("targetVsAchieved")} subject={name} filename={file("regions")} table={regionTable()}>
          <BulletChart data={bullet.rows} frameMax={bullet.frameMax} measure={measure} />
        </ChartFrame>
      )}
      {bullet.rows.length > 0 && <IndicatorMap indicator={indicator} filename={file("map")} />}
      {indicator.byTime.length > 0 && (
        <ChartFrame
          title={t(isSurvey ? "surveyRounds" : "progress")}
          subject={name}
          filename={file(isSurvey ? "rounds" : "progress")}
          table={timeTable()}
        >
          {isSurvey ? (
            <SurveyRoundsChart data={roundsData(indicator)} measure={measure} />
          ) : (
            <ProgressChart data={progressData(indicator)} measure={measure} />
          )}
        </ChartFrame>
      )}
      {trendPlaces.length > 1 && view && <PlaceTrends indicator={indicator} places={trendPlaces} view={view} />}
      {indicator.byDimension.map((d) => {
        const { options, rows } = disaggregationData(indicator, d.dimensionId, rowLabel);
        if (rows.length === 0) return null;
        if (d.options.every((o) => o.actual === null)) {
          return (
            <p key={d.dimensionId} className="muted">
              {t("noDisaggregatedData", { dimension: d.name })}
            </p>
          );
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
          <ChartFrame
            key={d.dimensionId}
            title={t("disaggregation", { dimension: d.name })}
            subject={name}
            filename={file(d.key)}
            table={table}
          >
            <DisaggregationChart rows={rows} options={options} measure={measure} />
          </ChartFrame>
        );
      })}
      <Explanation figure={indicator.overall} context={summary} />
    </div>
  );
}
