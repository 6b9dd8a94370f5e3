import { useFormatter, useTranslations } from "next-intl";
import { type NeedFigure, PopulationFigureText } from "./population-figure";

export type GroupNeed = {
  coverage: number | null;
  inNeed: number | null;
  figures: { placeId: string; name: string; figure: NeedFigure }[];
  /** Names of the group's places without a people-in-need figure. */
  missing: string[];
  /** A possible overlap: the reached figure may count people twice. */
  uncertain: boolean;
};

/**
 * A roll-up group's coverage of people in need with the figures it is measured against (source and
 * dates), or which places lack a figure. Rendered on the server.
 */
export function CoverageCell({ need }: { need: GroupNeed | undefined }) {
  const t = useTranslations("population");
  const format = useFormatter();
  if (!need) return <>–</>;
  return (
    <>
      {need.coverage !== null && (
        <strong data-coverage={need.coverage.toFixed(4)}>
          {t("coverageOf", {
            coverage: format.number(need.coverage / 100, { style: "percent", maximumFractionDigits: 2 }),
          })}
        </strong>
      )}
      {need.coverage !== null && need.uncertain && (
        <span className="muted" data-testid="coverage-uncertain">
          {" "}
          {t("coverageUncertain")}
        </span>
      )}
      {need.missing.length > 0 && (
        <p className="muted" data-testid="no-need">
          {t("noNeed", { places: need.missing.join(", ") })}
        </p>
      )}
      {need.missing.length === 0 && (
        <ul className="plain">
          {need.figures.map((f) => (
            <li key={f.placeId}>
              {need.figures.length > 1 && `${f.name}: `}
              <PopulationFigureText figure={f.figure} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
