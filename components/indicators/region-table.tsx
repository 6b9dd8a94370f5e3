import { getFormatter, getTranslations } from "next-intl/server";
import type { IndicatorSummary } from "@/lib/indicators/summary";
import { formatCounts, formatFigure, formatShare } from "./figure-format";
import { groupRows, type LocationRow, regionRows } from "./shape";
import { StatusBadge } from "./status-badge";

/** The accessible table view of the target-vs-achieved chart: the same numbers, rounded only here. */
export async function RegionTable({ summary }: { summary: IndicatorSummary }) {
  const [t, format] = await Promise.all([getTranslations("chart"), getFormatter()]);
  const { measure } = summary.indicator;
  const isPercent = measure === "PERCENTAGE";
  const row = (
    name: string,
    r: Omit<LocationRow, "id" | "name" | "isoCode" | "parentId">,
    key: string,
    header = false,
  ) => {
    const Cell = header ? "th" : "td";
    return (
      <tr key={key} data-region={key}>
        <Cell scope="row">{name}</Cell>
        <td data-col="target">{formatFigure(format, measure, r.target, t("notSet"))}</td>
        <td data-col="achieved">{formatFigure(format, measure, r.actual, t("noData"))}</td>
        {isPercent && <td data-col="counts">{formatCounts(format, r.numerator, r.denominator)}</td>}
        <td data-col="achievement">{formatShare(format, r.achievement)}</td>
        <td data-col="status">
          <StatusBadge status={r.status} />
        </td>
        <td data-col="results">{format.number(r.explanation.resultCount)}</td>
      </tr>
    );
  };
  const key = (l: LocationRow) => l.isoCode ?? l.id;
  return (
    <table className="data">
      <caption>{t("tableCaption", { indicator: `${summary.indicator.code} ${summary.indicator.title}` })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("region")}</th>
          <th scope="col">{t("target")}</th>
          <th scope="col">{t("achieved")}</th>
          {isPercent && <th scope="col">{t("numeratorDenominator")}</th>}
          <th scope="col">{t("achievement")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("results")}</th>
        </tr>
      </thead>
      <tbody>
        {regionRows(summary).map((r) => row(r.name, r, key(r)))}
        {groupRows(summary).map((r) => row(r.name, r, key(r), true))}
      </tbody>
      <tfoot>{row(t("total"), summary.overall, "total", true)}</tfoot>
    </table>
  );
}
