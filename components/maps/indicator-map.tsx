"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { StatusBadge } from "@/components/indicators/status-badge";
import { formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import { mapFigures, statusWords } from "@/lib/domain/format/map-figures";
import type { IndicatorJson } from "@/lib/domain/summary/types";
import { PlaceMapDrawing } from "./place-map";
import { usePlaceMap } from "./place-map-context";

/** An open card's map: the indicator's status per place, with its table view; none without shapes. */
export function IndicatorMap({ indicator, filename }: { indicator: IndicatorJson; filename: string }) {
  const map = usePlaceMap();
  const t = useTranslations("maps");
  const tChart = useTranslations("chart");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const idPrefix = useId().replace(/:/g, "");
  if (!map) return null;
  const { measure, code, title } = indicator.indicator;
  const fig = (v: number | null, empty = tChart("noData")) => formatFigure(format, measure, v, empty);
  const { figures, rows, offMap } = mapFigures(indicator, map, format);
  if (figures.length === offMap.length) return null;
  const table: ChartTable = {
    caption: t("tableCaption", { indicator: `${code} ${title}` }),
    columns: [
      { key: "place", label: tChart("region") },
      { key: "achieved", label: tChart("achieved") },
      { key: "target", label: tChart("target") },
      { key: "achievement", label: tChart("achievement") },
      { key: "status", label: tChart("status") },
    ],
    rows: rows.map((r) => ({
      key: r.id,
      cells: {
        place: r.name,
        achieved: fig(r.actual),
        target: fig(r.target, tChart("notSet")),
        achievement: formatShare(format, r.achievement),
        status: <StatusBadge status={r.status} />,
      },
      raw: { place: r.name, achieved: r.actual, target: r.target, achievement: r.achievement, status: r.status },
    })),
  };
  return (
    <ChartFrame title={t("title")} subject={`${code} ${title}`} filename={filename} table={table}>
      <PlaceMapDrawing
        map={map}
        figures={figures}
        statusLabels={statusWords((s) => tStatus(s))}
        otherLabel={t("noStatus")}
        title={t("tableCaption", { indicator: `${code} ${title}` })}
        idPrefix={`map${idPrefix}`}
      />
      {offMap.length > 0 && <p className="muted">{t("offMap", { names: offMap.join(", ") })}</p>}
    </ChartFrame>
  );
}
