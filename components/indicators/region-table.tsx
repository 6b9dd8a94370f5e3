import { getFormatter, getTranslations } from "next-intl/server";
import { numberFormatOptions, unitSuffix } from "@/components/charts/number-format";
import type { RegionComparison } from "@/lib/dashboard/region-comparison";

/** The accessible table view of the target-vs-achieved chart: the same numbers, unrounded until shown. */
export async function RegionTable({ comparison }: { comparison: RegionComparison }) {
  const [t, format] = await Promise.all([getTranslations("chart"), getFormatter()]);
  const { measure } = comparison.indicator;
  const figure = (value: number | null) =>
    value === null ? t("noData") : `${format.number(value, numberFormatOptions(measure))}${unitSuffix(measure)}`;
  const target = (value: number | null) => (value === null ? t("notSet") : figure(value));
  const share = (value: number | null) =>
    value === null ? "–" : format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const counts = (n: number | null, d: number | null) =>
    n === null || d === null ? "–" : `${format.number(n)} / ${format.number(d)}`;
  const isPercent = measure === "PERCENTAGE";
  const row = (name: string, r: RegionComparison["overall"], key: string, header = false) => {
    const Cell = header ? "th" : "td";
    return (
      <tr key={key} data-region={key}>
        <Cell scope="row">{name}</Cell>
        <td data-col="target">{target(r.target)}</td>
        <td data-col="achieved">{figure(r.actual)}</td>
        {isPercent && <td data-col="counts">{counts(r.numerator, r.denominator)}</td>}
        <td data-col="achievement">{share(r.achievement)}</td>
        <td data-col="results">{format.number(r.resultCount)}</td>
      </tr>
    );
  };
  return (
    <table className="data">
      <caption>
        {t("tableCaption", { indicator: `${comparison.indicator.code} ${comparison.indicator.title}` })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("region")}</th>
          <th scope="col">{t("target")}</th>
          <th scope="col">{t("achieved")}</th>
          {isPercent && <th scope="col">{t("numeratorDenominator")}</th>}
          <th scope="col">{t("achievement")}</th>
          <th scope="col">{t("results")}</th>
        </tr>
      </thead>
      <tbody>{comparison.rows.map((r) => row(r.name, r, r.isoCode ?? r.locationId))}</tbody>
      <tfoot>{row(t("total"), comparison.overall, "total", true)}</tfoot>
    </table>
  );
}
