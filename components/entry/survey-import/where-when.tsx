"use client";
import { useTranslations } from "next-intl";
import type { SurveyFormContext } from "@/lib/server/survey/survey-import";
import type { Draft } from "./draft";
import { ColumnSelect, FillIn } from "./fields";

type Props = {
  draft: Draft;
  change: (next: Partial<Draft>) => void;
  context: SurveyFormContext;
  headers: string[];
  invalid: Record<string, string> | undefined;
};

/** Where each submission is (a column, or one place for the file) and when (a date column, or one round or period). */
export function WhereWhenFields({ draft, change, context, headers, invalid }: Props) {
  const t = useTranslations("surveyImport");
  return (
    <fieldset className="field">
      <legend>{t("whereWhen")}</legend>
      <div className="mapping-grid">
        <div className="field">
          <label htmlFor="survey-place">{t("place")}</label>
          <ColumnSelect
            id="survey-place"
            value={draft.place}
            headers={headers}
            onChange={(place) => change({ place, placeId: "" })}
            none={t("noPlace")}
          />
          <FillIn invalid={invalid} path="place" />
        </div>
        <div className="field">
          <label htmlFor="survey-place-fixed">{t("placeFixed")}</label>
          <select
            id="survey-place-fixed"
            value={draft.placeId}
            onChange={(e) => change({ placeId: e.target.value, ...(e.target.value ? { place: "" } : {}) })}
          >
            <option value="">{t("none")}</option>
            {context.places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="survey-date">{t("date")}</label>
          <ColumnSelect
            id="survey-date"
            value={draft.date}
            headers={headers}
            onChange={(date) => change({ date })}
            none={t("noDate")}
          />
        </div>
        {context.rounds.length > 0 && (
          <div className="field">
            <label htmlFor="survey-round">{t("round")}</label>
            <select id="survey-round" value={draft.roundId} onChange={(e) => change({ roundId: e.target.value })}>
              <option value="">{t("none")}</option>
              {context.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {context.periods.length > 0 && (
          <div className="field">
            <label htmlFor="survey-period">{t("period")}</label>
            <select id="survey-period" value={draft.periodId} onChange={(e) => change({ periodId: e.target.value })}>
              <option value="">{t("none")}</option>
              {context.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </fieldset>
  );
}
