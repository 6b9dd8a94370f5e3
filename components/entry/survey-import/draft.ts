// What the survey import form holds while the evaluator sets the rules, and the rules it sends.
import { bandsOf } from "@/lib/domain/survey/guess";
import type { RuleKind, SurveyRules } from "@/lib/domain/survey/rules";
import type { SurveyFormContext } from "@/lib/server/survey/survey-import";

export type RuleDraft = {
  indicator: string;
  kind: RuleKind;
  table: string;
  condition: string;
  question: string;
  filter: string;
};
export type Draft = {
  place: string;
  placeId: string;
  date: string;
  periodId: string;
  roundId: string;
  statuses: string[];
  weight: string;
  /** The column of each dimension, by the dimension's key. */
  columns: Record<string, string>;
  indicators: RuleDraft[];
};

export const emptyRule: RuleDraft = {
  indicator: "",
  kind: "count",
  table: "",
  condition: "",
  question: "",
  filter: "",
};

/** The form's fields from saved or guessed rules (one empty indicator rule when there are none). */
export function draftOf(rules: Partial<SurveyRules> | undefined): Draft {
  return {
    place: rules?.place ?? "",
    placeId: rules?.placeId ?? "",
    date: rules?.date ?? "",
    periodId: rules?.periodId ?? "",
    roundId: rules?.roundId ?? "",
    statuses: rules?.statuses ?? ["approved"],
    weight: rules?.weight ?? "",
    columns: Object.fromEntries((rules?.disaggregations ?? []).map((d) => [d.dimension, d.column])),
    indicators: rules?.indicators?.length
      ? rules.indicators.map((r) => ({
          ...emptyRule,
          ...r,
          condition: r.condition ?? "",
          question: r.question ?? "",
          filter: r.filter ?? "",
        }))
      : [{ ...emptyRule }],
  };
}

/** The rules sent with a preview or a save: a place chosen for the whole file wins over a column. */
export function rulesOf(draft: Draft, context: SurveyFormContext) {
  return {
    place: draft.placeId ? "" : draft.place,
    placeId: draft.placeId,
    date: draft.date,
    periodId: draft.periodId,
    roundId: draft.roundId,
    statuses: draft.statuses,
    weight: draft.weight,
    disaggregations: context.dimensions.flatMap((d) => {
      const column = draft.columns[d.key];
      return column ? [{ dimension: d.key, column, bands: bandsOf(d.options) }] : [];
    }),
    indicators: draft.indicators,
  };
}
