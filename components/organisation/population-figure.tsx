import { useFormatter, useTranslations } from "next-intl";

/** What a sentence about a population figure needs of it. */
export type NeedFigure = {
  kind: "PEOPLE_IN_NEED" | "POPULATION" | "TARGET_POPULATION";
  value: number;
  sharePercent: number | null;
  periodStart: Date;
  periodEnd: Date;
  source: string;
  sourceUrl: string | null;
};

/**
 * "in need: 2.9 million (31 % of the population analysed), IPC acute food insecurity analysis,
 * Dec 2020 – Mar 2021": a figure with its source and dates. Rendered on the server (no client JS).
 */
export function PopulationFigureText({ figure }: { figure: NeedFigure }) {
  const t = useTranslations("population");
  const format = useFormatter();
  const people = format.number(figure.value, { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 });
  const period = format.dateTimeRange(figure.periodStart, figure.periodEnd, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const share =
    figure.sharePercent === null
      ? ""
      : ` ${t("share", { share: format.number(figure.sharePercent / 100, { style: "percent", maximumFractionDigits: 1 }) })}`;
  return (
    <span data-population={figure.kind}>
      {t(`kindShort.${figure.kind}`)}: {people}
      {share},{" "}
      {figure.sourceUrl ? (
        <a href={figure.sourceUrl} rel="noreferrer">
          {figure.source}
        </a>
      ) : (
        figure.source
      )}
      , {period}
    </span>
  );
}
