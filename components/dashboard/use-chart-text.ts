"use client";
// What every chart of one indicator names the same way: its figures in its measure, its subject, the
// file names of its downloads, and the label of a place's row.
import { useFormatter, useTranslations } from "next-intl";
import { formatFigure } from "@/lib/domain/format/figure-format";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import type { RowLabel } from "./shape";

export function useChartText(indicator: IndicatorJson, summary: SummaryJson) {
  const t = useTranslations("chart");
  const format = useFormatter();
  const { measure, code, title } = indicator.indicator;
  /** A figure in the indicator's measure; `empty` when there is none. */
  const fig = (v: number | null, empty = t("noData")) => formatFigure(format, measure, v, empty);
  const rowLabel: RowLabel = (r) => (r.ownValuesOf ? t("notByRegion", { place: r.name }) : r.name);
  const file = (kind: string) => `${summary.project.code}-${code}-${kind}`.replace(/[^\w.-]/g, "_");
  return { t, format, fig, rowLabel, file, name: `${code} ${title}`, measure };
}
