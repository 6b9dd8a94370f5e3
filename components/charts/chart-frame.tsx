"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useRef, useState } from "react";
import { TableScroll } from "@/components/ui/table-scroll";

// The file writers load when a download is asked for: they are not part of a dashboard's first load.
const downloads = () => import("./downloads");

export type ChartTable = {
  caption: string;
  columns: { key: string; label: string; numeric?: boolean }[];
  /** Display text per column; `raw` holds the unrounded values for the CSV. */
  rows: {
    key: string;
    cells: Record<string, ReactNode>;
    raw: Record<string, string | number | null>;
    header?: boolean;
  }[];
};

/**
 * The one frame around every chart: a heading, the chart (hidden from screen readers, which read the
 * table), a switch to the table view of the same numbers, and CSV and PNG downloads.
 */
export function ChartFrame({
  title,
  filename,
  table,
  children,
  png = true,
  subject,
}: {
  title: string;
  /** What the chart is about (an indicator's code and title): heads its PNG, which leaves the page. */
  subject?: string;
  filename: string;
  table: ChartTable;
  children: ReactNode;
  /** Whether the drawing is an SVG chart that can be saved as PNG (an HTML grid is not). */
  png?: boolean;
}) {
  const t = useTranslations("chart");
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const csv = async () =>
    (await downloads()).downloadCsv(
      `${filename}.csv`,
      table.columns.map((c) => c.key),
      table.rows.map((r) => table.columns.map((c) => r.raw[c.key] ?? null)),
    );
  const figures = (
    <table className="data">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            {table.columns.map((c, index) => {
              const Cell = index === 0 ? "th" : "td";
              return (
                <Cell key={c.key} scope={index === 0 ? "row" : undefined} data-col={c.key}>
                  {row.cells[c.key]}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="chart-frame" aria-labelledby={headingId} data-chart={filename}>
      <div className="chart-head">
        <h3 id={headingId}>{title}</h3>
        <div className="chart-tools no-print">
          <button
            type="button"
            className="button secondary"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t("showChart") : t("showTable")}
          </button>
          <button type="button" className="button secondary" onClick={csv}>
            {t("downloadCsv")}
          </button>
          {png && (
            <button
              type="button"
              className="button secondary"
              disabled={showTable}
              onClick={async () => {
                const chart = chartRef.current;
                // The dashboard names what the figures are: the project and their as-of date.
                const caption = chart?.closest("[data-png-caption]")?.getAttribute("data-png-caption") ?? "";
                const heading = subject ? `${subject}: ${title}` : title;
                if (chart) (await downloads()).downloadPng(chart, `${filename}.png`, heading, caption);
              }}
            >
              {t("downloadPng")}
            </button>
          )}
        </div>
      </div>
      <div ref={chartRef} aria-hidden="true" hidden={showTable} className="chart-print">
        {children}
      </div>
      {/* Hidden on a wrapper: a table ignores the 1px width it is given, and would widen the page. */}
      {showTable ? (
        <TableScroll label={table.caption}>{figures}</TableScroll>
      ) : (
        <div className="visually-hidden print-table">{figures}</div>
      )}
    </section>
  );
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const chartColours = {
  achieved: "#0072B2",
  target: "#E69F00",
  expected: "#009E73",
  notReported: "#BBBBBB",
  series: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"],
} as const;
