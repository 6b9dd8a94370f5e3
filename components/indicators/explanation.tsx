import { getFormatter, getTranslations } from "next-intl/server";
import type { FigureSummary } from "@/lib/indicators/summary";
import type { ProjectSummary } from "@/lib/summary/service";

/** "How was this computed?": what a figure is made of, on demand. */
export async function Explanation({
  figure,
  context,
}: {
  figure: FigureSummary;
  context: Pick<ProjectSummary, "locations" | "times">;
}) {
  const [t, format] = await Promise.all([getTranslations("explanation"), getFormatter()]);
  const e = figure.explanation;
  const names = (ids: string[], list: { id: string; name?: string; label?: string }[]) =>
    ids.map((id) => {
      const found = list.find((x) => x.id === id);
      return found?.name ?? found?.label ?? id;
    });
  return (
    <details className="explanation">
      <summary>{t("title")}</summary>
      <dl>
        <dt>{t("aggregationLabel")}</dt>
        <dd>
          {t(`aggregation.${e.aggregation}`)} {t(`time.${e.time}`)}
        </dd>
        <dt>{t("results")}</dt>
        <dd>
          {t("resultCount", { count: e.resultCount, statuses: e.statuses.map((s) => t(`statuses.${s}`)).join(", ") })}
        </dd>
        {e.numerator !== null && e.denominator !== null && (
          <>
            <dt>{t("numeratorDenominator")}</dt>
            <dd>
              {format.number(e.numerator)} / {format.number(e.denominator)}
            </dd>
          </>
        )}
        {e.sampleSize !== null && (
          <>
            <dt>{t("sampleSize")}</dt>
            <dd>{format.number(e.sampleSize)}</dd>
          </>
        )}
        {figure.confidenceInterval && (
          <>
            <dt>{t("confidenceInterval")}</dt>
            <dd>
              {format.number(figure.confidenceInterval.low, { maximumFractionDigits: 1 })} –{" "}
              {format.number(figure.confidenceInterval.high, { maximumFractionDigits: 1 })} %
            </dd>
          </>
        )}
        <dt>{t("periods")}</dt>
        <dd>{names(e.timeIds, context.times).join(", ") || "–"}</dd>
        <dt>{t("locations")}</dt>
        <dd>{names(e.locationIds, context.locations).join(", ") || "–"}</dd>
        <dt>{t("targetLabel")}</dt>
        <dd>{t(`target.${e.target}`)}</dd>
        <dt>{t("expectedLabel")}</dt>
        <dd>
          {t(`expected.${e.expected}`)}
          {figure.expectedToDate !== null && `: ${format.number(figure.expectedToDate, { maximumFractionDigits: 1 })}`}
        </dd>
        <dt>{t("asOf")}</dt>
        <dd>{format.dateTime(new Date(`${e.asOf}T00:00:00Z`), { dateStyle: "medium" })}</dd>
      </dl>
    </details>
  );
}
