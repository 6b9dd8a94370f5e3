"use client";
import { useFormatter, useTranslations } from "next-intl";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { StatusBadge } from "@/components/indicators/status-badge";
import { usePlaceDetails } from "@/lib/client/summary-query";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import { formatFigure } from "@/lib/domain/format/figure-format";
import type { IndicatorJson } from "@/lib/domain/summary/types";

const W = 180;
const H = 64;

type Point = { label: string; actual: number | null; expected: number | null };

/** A line through the points that have a value, scaled to the tile. */
function line(points: Point[], key: "actual" | "expected", max: number): string {
  const step = points.length > 1 ? (W - 8) / (points.length - 1) : 0;
  return points
    .flatMap((p, i) => {
      const v = p[key];
      return v === null ? [] : [`${4 + i * step},${H - 4 - (max > 0 ? (v / max) * (H - 8) : 0)}`];
    })
    .join(" ");
}

/**
 * Small multiples: per place, what was achieved to date against what was expected by each period's
 * end, on one scale per tile, with the same figures in a table (and the place's status).
 */
export function PlaceTrends({
  indicator,
  places,
  view,
}: {
  indicator: IndicatorJson;
  places: { id: string; name: string; status: IndicatorJson["overall"]["status"] }[];
  view: { source: SummarySource; filters: SummaryFilters };
}) {
  const t = useTranslations("chart");
  const format = useFormatter();
  const { measure, code, title } = indicator.indicator;
  const results = usePlaceDetails(
    view.source,
    view.filters,
    indicator.indicator.id,
    places.map((p) => p.id),
    true,
  );
  const fig = (v: number | null) => formatFigure(format, measure, v, "–");
  if (results.some((r) => r.isError))
    return (
      <p role="alert" className="error">
        {t("trendsFailed")}
      </p>
    );
  if (results.some((r) => !r.data))
    return (
      <p className="muted" role="status">
        {t("trendsLoading")}
      </p>
    );
  const series = places.map((place, n) => {
    const byTime = results[n]?.data?.indicators[0]?.byTime.filter((x) => x.kind === "period") ?? [];
    const points: Point[] = byTime.map((x) => ({
      label: x.label,
      actual: x.toDate.actual,
      expected: x.toDate.expectedToDate,
    }));
    const last = [...points].reverse().find((p) => p.actual !== null) ?? null;
    return { place, points, last };
  });
  const table: ChartTable = {
    caption: t("trendsCaption", { indicator: `${code} ${title}` }),
    columns: [
      { key: "place", label: t("region") },
      { key: "period", label: t("period") },
      { key: "achieved", label: t("achievedToDate") },
      { key: "expected", label: t("expectedToDate") },
      { key: "status", label: t("status") },
    ],
    rows: series.map(({ place, last }) => ({
      key: place.id,
      cells: {
        place: place.name,
        period: last?.label ?? "–",
        achieved: fig(last?.actual ?? null),
        expected: fig(last?.expected ?? null),
        status: <StatusBadge status={place.status} />,
      },
      raw: {
        place: place.name,
        period: last?.label ?? null,
        achieved: last?.actual ?? null,
        expected: last?.expected ?? null,
        status: place.status,
      },
    })),
  };
  return (
    <ChartFrame
      title={t("trendsByPlace")}
      filename={`${code}-trends`.replace(/[^\w.-]/g, "_")}
      table={table}
      png={false}
    >
      <ul className="small-multiples">
        {series.map(({ place, points, last }) => {
          const max = Math.max(0, ...points.flatMap((p) => [p.actual ?? 0, p.expected ?? 0]));
          return (
            <li key={place.id} data-place={place.name}>
              <span className="place">{place.name}</span>
              <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true">
                <title>
                  {t("trendOf", {
                    place: place.name,
                    achieved: fig(last?.actual ?? null),
                    expected: fig(last?.expected ?? null),
                  })}
                </title>
                <polyline className="expected" points={line(points, "expected", max)} fill="none" />
                <polyline className="achieved" points={line(points, "actual", max)} fill="none" />
              </svg>
              <span className="muted">
                {fig(last?.actual ?? null)} / {fig(last?.expected ?? null)}
              </span>
            </li>
          );
        })}
      </ul>
    </ChartFrame>
  );
}
