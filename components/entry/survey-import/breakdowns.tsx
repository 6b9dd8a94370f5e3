"use client";
import { useTranslations } from "next-intl";
import { bandsOf } from "@/lib/domain/survey/guess";
import type { SurveyFormContext } from "@/lib/server/survey/survey-import";
import type { Draft } from "./draft";
import { ColumnSelect } from "./fields";

type Props = {
  draft: Draft;
  change: (next: Partial<Draft>) => void;
  dimensions: SurveyFormContext["dimensions"];
  headers: string[];
};

/** The survey weights column, and the column each of the project's dimensions is read from. */
export function BreakdownFields({ draft, change, dimensions, headers }: Props) {
  const t = useTranslations("surveyImport");
  return (
    <fieldset className="field">
      <legend>{t("weightsAndBreakdowns")}</legend>
      <div className="mapping-grid">
        <div className="field">
          <label htmlFor="survey-weight">{t("weight")}</label>
          <ColumnSelect
            id="survey-weight"
            value={draft.weight}
            headers={headers}
            onChange={(weight) => change({ weight })}
          />
          <span className="muted">{t("weightHint")}</span>
        </div>
        {dimensions.map((d) => (
          <div className="field" key={d.key}>
            <label htmlFor={`survey-dim-${d.key}`}>{t("dimensionColumn", { name: d.name })}</label>
            <ColumnSelect
              id={`survey-dim-${d.key}`}
              value={draft.columns[d.key] ?? ""}
              headers={headers}
              onChange={(column) => change({ columns: { ...draft.columns, [d.key]: column } })}
            />
            <span className="muted">
              {bandsOf(d.options).length
                ? t("byRanges", { ranges: d.options.map((o) => o.name).join(", ") })
                : t("byAnswers", { options: d.options.map((o) => o.key).join(", ") })}
            </span>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
