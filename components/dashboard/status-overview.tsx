"use client";
import { useTranslations } from "next-intl";
import { ChartFrame, type ChartTable } from "@/components/charts/chart-frame";
import { StatusBadge } from "@/components/indicators/status-badge";
import type { Status, SummaryJson } from "@/lib/domain/summary/types";
import { statusCounts, statusMatrix } from "./status-shape";

const headline: Status[] = ["onTrack", "atRisk", "offTrack", "noData", "notYetDue", "noTarget"];

/** The headline row: how many indicators are on track, at risk, off track, without data... */
export function StatusHeadline({ summary }: { summary: SummaryJson }) {
  const t = useTranslations("status");
  const counts = statusCounts(summary);
  return (
    <ul className="headline" aria-label={t("headline")}>
      {headline
        .filter((s) => counts[s] > 0 || ["onTrack", "atRisk", "offTrack", "noData"].includes(s))
        .map((s) => (
          <li key={s} className={`status-${s}`} data-status={s}>
            <strong>{counts[s]}</strong> <StatusBadge status={s} />
          </li>
        ))}
    </ul>
  );
}

/** Region x indicator status matrix, with its table view and downloads. */
export function StatusMatrix({ summary }: { summary: SummaryJson }) {
  const t = useTranslations("chart");
  const tStatus = useTranslations("status");
  const matrix = statusMatrix(summary);
  if (matrix.rows.length === 0) return null;
  const table: ChartTable = {
    caption: t("matrixCaption"),
    columns: [{ key: "region", label: t("region") }, ...matrix.indicators.map((i) => ({ key: i.code, label: i.code }))],
    rows: matrix.rows.map((r) => ({
      key: r.name,
      cells: Object.fromEntries([
        ["region", r.name],
        ...matrix.indicators.map((i, k) => [i.code, r.statuses[k] ? tStatus(r.statuses[k]) : "–"]),
      ]),
      raw: Object.fromEntries([
        ["region", r.name],
        ...matrix.indicators.map((i, k) => [i.code, r.statuses[k] ?? null]),
      ]),
    })),
  };
  return (
    <ChartFrame title={t("matrix")} filename={`${summary.project.code}-status-matrix`} table={table} png={false}>
      <div
        className="matrix"
        style={{ gridTemplateColumns: `minmax(5rem, 10rem) repeat(${matrix.indicators.length}, minmax(0, 1fr))` }}
      >
        <span />
        {matrix.indicators.map((i) => (
          <span key={i.id} className="matrix-head" title={i.title}>
            {i.code}
          </span>
        ))}
        {matrix.rows.map((r) => [
          <span key={r.id} className="matrix-region">
            {r.name}
          </span>,
          ...r.statuses.map((s, k) => (
            <span key={`${r.id}-${matrix.indicators[k]?.id}`} className={`matrix-cell status-${s ?? "none"}`}>
              {s ? <StatusBadge status={s} /> : "–"}
            </span>
          )),
        ])}
      </div>
    </ChartFrame>
  );
}
