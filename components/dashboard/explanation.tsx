"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { FigureJson, SummaryJson } from "@/lib/domain/summary/types";

/** "How was this computed?": what a figure is made of, on demand. */
export function Explanation({
  figure,
  context,
}: {
  figure: FigureJson;
  context: Pick<SummaryJson, "locations" | "times">;
}) {
  const t = useTranslations("explanation");
  const format = useFormatter();
  const e = figure.explanation;
  const names = (ids: string[], list: { id: string; name?: string; label?: string }[]) =>
    ids
      .map((id) => {
        const found = list.find((x) => x.id === id);
        return found?.name ?? found?.label ?? null;
      })
      .filter(Boolean);
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
          {t("resultCount", {
            count: e.resultCount,
            statuses: e.statuses.map((s) => t(`statuses.${s}` as "statuses.APPROVED")).join(", "),
          })}
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
            <dd>{format.number(e.sampleSize, { maximumFractionDigits: 1 })}</dd>
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
        <dt>{t("baselineLabel")}</dt>
        <dd>
          {figure.baseline === null ? t("noBaseline") : format.number(figure.baseline, { maximumFractionDigits: 2 })}
        </dd>
        <dt>{t("targetLabel")}</dt>
        <dd>{t(`target.${e.target}`)}</dd>
        <dt>{t("expectedLabel")}</dt>
        <dd>
          {t(`expected.${e.expected}`)}
          {figure.expectedToDate !== null && `: ${format.number(figure.expectedToDate, { maximumFractionDigits: 1 })}`}
        </dd>
        {e.expected !== "none" && (
          <>
            <dt>{t("comparedLabel")}</dt>
            <dd>{names(e.comparedTimeIds, context.times).join(", ") || "–"}</dd>
          </>
        )}
        <dt>{t("asOf")}</dt>
        <dd>{format.dateTime(new Date(`${e.asOf}T00:00:00Z`), { dateStyle: "medium" })}</dd>
      </dl>
    </details>
  );
}
