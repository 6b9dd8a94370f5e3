import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { type NeedFigure, PopulationFigureText } from "@/components/organisation/population-figure";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = {
  need: {
    indicator: { id: string; code: string; title: string };
    places: { id: string; name: string; actual: number | null; coverage: number | null; figure: NeedFigure }[];
  }[];
  /** The day or period the figures are for, as the page's filters say. */
  asOf: Date;
  periodLabel: string | null;
};

/**
 * The dashboard's coverage of people in need: each people-count indicator at each place with a figure.
 * A server component beside the (client) dashboard, so it adds no JavaScript to the page.
 */
export function ReachAgainstNeed({ need, asOf, periodLabel }: Props) {
  const t = useTranslations("population");
  const format = useFormatter();
  if (need.length === 0) return null;
  return (
    <section aria-labelledby="reach-need-title" data-testid="reach-against-need">
      <h2 id="reach-need-title">{t("dashboardTitle")}</h2>
      <TableScroll label={t("dashboardTitle")}>
        <table className="data">
          <caption>
            {t("dashboardCaption", {
              when: periodLabel ?? format.dateTime(asOf, { dateStyle: "medium", timeZone: "UTC" }),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("indicator")}</th>
              <th scope="col">{t("fields.locationId")}</th>
              <th scope="col">{t("reached")}</th>
              <th scope="col">{t("kinds.PEOPLE_IN_NEED")}</th>
              <th scope="col">{t("coverageShort")}</th>
            </tr>
          </thead>
          <tbody>
            {need.flatMap(({ indicator, places }) =>
              places.map((p) => (
                <tr key={`${indicator.id}:${p.id}`} data-indicator={indicator.code} data-place={p.name}>
                  <th scope="row">
                    {indicator.code} {indicator.title}
                  </th>
                  <td>{p.name}</td>
                  <td>{p.actual === null ? "–" : format.number(p.actual)}</td>
                  <td>
                    <PopulationFigureText figure={p.figure} />
                  </td>
                  <td data-col="coverage">
                    {p.coverage === null
                      ? "–"
                      : format.number(p.coverage / 100, { style: "percent", maximumFractionDigits: 2 })}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted no-print">
        {t("dashboardNote")} <Link href="/organisation/population">{t("link")}</Link>
      </p>
    </section>
  );
}
