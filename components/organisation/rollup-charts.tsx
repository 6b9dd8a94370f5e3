"use client";
// The roll-up's charts (#34): target vs achieved per group (the project card's bullet chart) and progress
// over the years (its progress chart), each in the one chart frame, whose table is the same numbers.
import { useTranslations } from "next-intl";
import { ChartFrame, type ChartTable, chartColours } from "@/components/charts/chart-frame";
import { BulletChart, ProgressChart } from "@/components/charts/lazy";
import { useFigureFormat } from "@/components/charts/use-figure-format";
import { bulletFrame } from "@/components/dashboard/shape";
import { PlaceMapDrawing } from "@/components/maps/place-map";
import type { Measure } from "@/lib/domain/engine";
import type { MapFigure } from "@/lib/domain/format/map-colours";
import { statusWords } from "@/lib/domain/format/map-figures";
import type { PlaceMap } from "@/lib/domain/maps/shapes";
import { isPercent } from "@/lib/domain/measures";

type Group = { key: string; label: string; target: number | null; achieved: number | null };
type Year = { year: number; achieved: number | null; target: number | null; toDate: number | null };

export function RollupCharts({
  measure,
  subject,
  filename,
  text,
  groups,
  years,
  map,
}: {
  measure: Measure;
  subject: string;
  filename: string;
  /** The page's translated headings and column names. */
  text: {
    byGroup: string;
    overTime: string;
    group: string;
    target: string;
    achieved: string;
    year: string;
    inYear: string;
    targetInYear: string;
    toDate: string;
    map: string;
  };
  groups: Group[];
  years: Year[];
  /** By country: the countries drawn (from the projects' outlines) with their achieved figures. */
  map?: { map: PlaceMap; figures: MapFigure[] } | null;
}) {
  const { figure } = useFigureFormat(measure);
  const tStatus = useTranslations("status");
  const bullet = bulletFrame(
    groups.map((g) => ({ region: g.label, target: g.target, achieved: g.achieved })),
    isPercent(measure),
  );
  const groupTable: ChartTable = {
    caption: text.byGroup,
    columns: [
      { key: "group", label: text.group },
      { key: "target", label: text.target, numeric: true },
      { key: "achieved", label: text.achieved, numeric: true },
    ],
    rows: groups.map((g) => ({
      key: g.key || "none",
      cells: { group: g.label, target: figure(g.target), achieved: figure(g.achieved) },
      raw: { group: g.label, target: g.target, achieved: g.achieved },
    })),
  };
  const yearTable: ChartTable = {
    caption: text.overTime,
    columns: [
      { key: "year", label: text.year },
      { key: "achieved", label: text.inYear, numeric: true },
      { key: "target", label: text.targetInYear, numeric: true },
      { key: "toDate", label: text.toDate, numeric: true },
    ],
    rows: years.map((y) => ({
      key: String(y.year),
      cells: { year: y.year, achieved: figure(y.achieved), target: figure(y.target), toDate: figure(y.toDate) },
      raw: { year: y.year, achieved: y.achieved, target: y.target, toDate: y.toDate },
    })),
  };
  return (
    <>
      <ChartFrame title={text.byGroup} subject={subject} filename={`${filename}-groups`} table={groupTable}>
        <BulletChart data={bullet.rows} frameMax={bullet.frameMax} measure={measure} />
      </ChartFrame>
      {years.length > 0 && (
        <ChartFrame title={text.overTime} subject={subject} filename={`${filename}-years`} table={yearTable}>
          <ProgressChart
            measure={measure}
            expected={false}
            data={years.map((y) => ({
              label: String(y.year),
              actual: y.achieved,
              actualToDate: y.toDate,
              expectedToDate: null,
              target: y.target,
            }))}
          />
        </ChartFrame>
      )}
      {map && (
        <ChartFrame title={text.map} subject={subject} filename={`${filename}-map`} table={groupTable}>
          <PlaceMapDrawing
            map={map.map}
            figures={map.figures}
            statusLabels={statusWords((s) => tStatus(s))}
            otherLabel=""
            idPrefix={`map-${filename}`}
            title={text.map}
            valueFill={chartColours.series[4]}
          />
        </ChartFrame>
      )}
    </>
  );
}
