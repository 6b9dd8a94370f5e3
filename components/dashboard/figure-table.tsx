"use client";
import { useFormatter, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/indicators/status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatCounts, formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import type { FigureJson, IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";
import { Explanation } from "./explanation";

/** Every figure of an indicator (overall, per location, per period or round, per option), each explained. */
export function FigureTable({ indicator, summary }: { indicator: IndicatorJson; summary: SummaryJson }) {
  const t = useTranslations("indicatorPage");
  const tChart = useTranslations("chart");
  const format = useFormatter();
  const { measure } = indicator.indicator;
  const fig = (v: number | null, empty = tChart("noData")) => formatFigure(format, measure, v, empty);
  const rows: { key: string; group: string; label: string; figure: FigureJson }[] = [
    { key: "overall", group: t("overall"), label: tChart("total"), figure: indicator.overall },
    ...indicator.byLocation.flatMap((l) => [
      { key: `l-${l.id}`, group: t("byLocation"), label: l.name, figure: l as FigureJson },
      ...(l.unassigned
        ? [
            {
              key: `l-${l.id}-own`,
              group: t("byLocation"),
              label: tChart("notByRegion", { place: l.name }),
              figure: l.unassigned,
            },
          ]
        : []),
    ]),
    ...indicator.byTime.map((x) => ({ key: `t-${x.timeId}`, group: t("byTime"), label: x.label, figure: x })),
    ...indicator.byDimension.flatMap((d) =>
      d.options.map((o) => ({ key: `o-${o.optionId}`, group: d.name, label: o.name, figure: o })),
    ),
  ];
  return (
    <TableScroll label={t("allFigures")}>
      <table className="data figures-table">
        <caption>{t("allFigures")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("figure")}</th>
            <th scope="col">{tChart("target")}</th>
            <th scope="col">{tChart("achieved")}</th>
            <th scope="col">{tChart("numeratorDenominator")}</th>
            <th scope="col">{t("baseline")}</th>
            <th scope="col">{tChart("expectedToDate")}</th>
            <th scope="col">{tChart("achievement")}</th>
            <th scope="col">{tChart("status")}</th>
            <th scope="col">{t("how")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, group, label, figure }) => (
            <tr key={key} data-row={key}>
              <th scope="row">
                <span className="muted">{group}: </span>
                {label}
              </th>
              <td>{fig(figure.target, tChart("notSet"))}</td>
              <td data-col="achieved">{fig(figure.actual)}</td>
              <td>{formatCounts(format, figure.numerator, figure.denominator)}</td>
              <td>{fig(figure.baseline, "–")}</td>
              <td>{fig(figure.expectedToDate, "–")}</td>
              <td>{formatShare(format, figure.achievement)}</td>
              <td>
                <StatusBadge status={figure.status} />
              </td>
              <td>
                <Explanation figure={figure} context={summary} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
