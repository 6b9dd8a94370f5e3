"use client";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { ProgressChart, SurveyRoundsChart } from "@/components/charts/lazy";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { progressData, roundsData } from "./shape";
import { useChartText } from "./use-chart-text";

/**
 * The indicator over time, with its table: survey rounds (with confidence intervals and whether a change
 * exceeds the margin) or monitoring periods (with what was expected to date).
 */
export function TimeChart({ indicator, summary }: { indicator: IndicatorJson; summary: SummaryJson }) {
  const { t, format, fig, file, name, measure } = useChartText(indicator, summary);
  const isSurvey = indicator.indicator.source === "SURVEY";
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
  const table: ChartTable = {
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
  return (
    <ChartFrame
      title={t(isSurvey ? "surveyRounds" : "progress")}
      subject={name}
      filename={file(isSurvey ? "rounds" : "progress")}
      table={table}
    >
      {isSurvey ? (
        <SurveyRoundsChart data={roundsData(indicator)} measure={measure} />
      ) : (
        <ProgressChart data={progressData(indicator)} measure={measure} />
      )}
    </ChartFrame>
  );
}
