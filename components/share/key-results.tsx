import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/indicators/status-badge";
import { PlaceMapDrawing } from "@/components/maps/place-map";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import { mapFigures, statusWords } from "@/lib/domain/format/map-figures";
import type { PlaceMap } from "@/lib/domain/maps/shapes";
import { isPercent } from "@/lib/domain/measures";
import type { ProjectSummary } from "@/lib/domain/summary/types";

type Props = {
  summary: ProjectSummary;
  headlines: string[];
  lastUpdated: Date | null;
  sourceNote: string;
  map: PlaceMap | null;
};
type Indicator = ProjectSummary["indicators"][number];

/** The first headline indicator's status per place on the map, with the same figures as a table. */
async function KeyMap({ indicator, map }: { indicator: Indicator; map: PlaceMap }) {
  const [t, tStatus, tChart, format] = await Promise.all([
    getTranslations("maps"),
    getTranslations("status"),
    getTranslations("chart"),
    getFormatter(),
  ]);
  const { code, title, measure } = indicator.indicator;
  const fig = (v: number | null) => formatFigure(format, measure, v, "–");
  const { figures, rows, offMap } = mapFigures(indicator, map, format);
  if (figures.length === offMap.length) return null;
  return (
    <figure className="key-map" aria-labelledby="key-map-title">
      <figcaption id="key-map-title">{t("keyTitle", { indicator: `${code} ${title}` })}</figcaption>
      <div aria-hidden="true">
        <PlaceMapDrawing
          map={map}
          figures={figures}
          statusLabels={statusWords((s) => tStatus(s))}
          otherLabel={t("noStatus")}
          title={t("tableCaption", { indicator: `${code} ${title}` })}
          idPrefix="key-map"
        />
      </div>
      {offMap.length > 0 && <p className="muted">{t("offMap", { names: offMap.join(", ") })}</p>}
      <details>
        <summary>{t("asTable")}</summary>
        <TableScroll label={t("tableCaption", { indicator: `${code} ${title}` })}>
          <table>
            <caption>{t("tableCaption", { indicator: `${code} ${title}` })}</caption>
            <thead>
              <tr>
                <th scope="col">{tChart("region")}</th>
                <th scope="col">{tChart("achieved")}</th>
                <th scope="col">{tChart("target")}</th>
                <th scope="col">{tChart("achievement")}</th>
                <th scope="col">{tChart("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-place={r.name}>
                  <th scope="row">{r.name}</th>
                  <td>{fig(r.actual)}</td>
                  <td>{fig(r.target)}</td>
                  <td>{formatShare(format, r.achievement)}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

/**
 * The donor report's first screen: the headline indicators as large figures against their targets,
 * when the figures last changed and where they come from. Rendered on the server: no script of its own.
 */
export async function KeyResults({ summary, headlines, lastUpdated, sourceNote, map }: Props) {
  const [t, format] = await Promise.all([getTranslations("shared.report"), getFormatter()]);
  const shown = headlines.flatMap((id) => summary.indicators.filter((i) => i.indicator.id === id));
  return (
    <section className="key-results" aria-labelledby="key-results-title">
      <h2 id="key-results-title">{t("title")}</h2>
      {shown.length > 0 && (
        <ul className="key-figures">
          {shown.map((i) => {
            const { code, title, measure, unit } = i.indicator;
            const fig = (v: number | null) => formatFigure(format, measure, v, "–");
            return (
              <li key={i.indicator.id} data-indicator={code}>
                <span className="big" data-figure="actual">
                  {fig(i.overall.actual)}
                </span>{" "}
                <span className="of">
                  {isPercent(measure)
                    ? t("against", { target: fig(i.overall.target) })
                    : t("of", { target: fig(i.overall.target), unit: unit ?? "" })}
                </span>
                <span className="what">
                  {code} {title}
                </span>
                <span className="how">
                  {t("achievement", { share: formatShare(format, i.overall.achievement) })}{" "}
                  <StatusBadge status={i.overall.status} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {map && shown[0] && <KeyMap indicator={shown[0]} map={map} />}
      <p className="muted" data-testid="last-updated">
        {lastUpdated
          ? t("lastUpdated", { date: format.dateTime(lastUpdated, { dateStyle: "long" }) })
          : t("noApprovals")}{" "}
        {t("asOf", { date: format.dateTime(summary.asOf, { dateStyle: "long" }) })}
      </p>
      {sourceNote && <p className="muted">{t("sources", { note: sourceNote })}</p>}
    </section>
  );
}
