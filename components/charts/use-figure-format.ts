"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { Measure } from "@/lib/domain/engine";
import { formatFigure } from "@/lib/domain/format/figure-format";

/** Tooltip and label formatting of a chart's values, in the user's locale. */
export function useFigureFormat(measure: Measure) {
  const t = useTranslations("chart");
  const format = useFormatter();
  return {
    figure: (value: unknown) => formatFigure(format, measure, typeof value === "number" ? value : null, t("noData")),
    axis: (value: number) => format.number(value, { notation: "compact" }),
  };
}
