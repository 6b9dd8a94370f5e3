"use client";
import { Field } from "@/components/ui/field";
import { measures } from "@/lib/domain/measures";
import { indicatorAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

const choices = {
  measure: measures,
  direction: ["INCREASE", "DECREASE"],
  timeRule: ["NON_CUMULATIVE", "CUMULATIVE"],
  source: ["MONITORING", "SURVEY"],
} as const;

export type IndicatorValues = {
  version?: number;
  resultNodeId: string;
  code: string;
  title: string;
  definition: string;
  unit: string;
  measure: string;
  direction: string;
  timeRule: string;
  source: string;
  baselineValue: number | null;
  baselineNumerator: number | null;
  baselineDenominator: number | null;
  baselineDate: string;
  meansOfVerification: string;
  minValue: number | null;
  maxValue: number | null;
  wholeNumbers: boolean | null;
  dimensionKeys: string[];
};

/** Adds an indicator (no indicatorId) or edits one; the same rules as the API. */
export function IndicatorForm({
  projectId,
  indicatorId,
  initial,
  nodes,
  dimensions,
}: {
  projectId: string;
  indicatorId: string | null;
  initial: IndicatorValues | null;
  nodes: { id: string; code: string; title: string }[];
  dimensions: { key: string; name: string; options: string }[];
}) {
  const { state, formAction, formKey, pending, t, error, value, checked } = useSetupForm(
    indicatorAction.bind(null, projectId, indicatorId),
  );
  const text = (name: keyof IndicatorValues, type = "text") => (
    <Field
      id={`ind-${name}`}
      name={name}
      type={type}
      label={t(name)}
      defaultValue={value(name, initial?.[name] as string | number | null | undefined)}
      error={error(name)}
    />
  );
  const select = (name: keyof typeof choices) => (
    <div className="field">
      <label htmlFor={`ind-${name}`}>{t(name)}</label>
      <select id={`ind-${name}`} name={name} defaultValue={value(name, initial?.[name] ?? choices[name][0])}>
        {choices[name].map((c) => (
          <option key={c} value={c}>
            {t(`${name}s.${c}` as "measures.COUNT")}
          </option>
        ))}
      </select>
      {error(name) && <span className="error">{error(name)}</span>}
    </div>
  );
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="indicator-form-title">
      <h2 id="indicator-form-title" style={{ marginTop: 0 }}>
        {indicatorId ? t("editIndicator") : t("addIndicator")}
      </h2>
      <FormStatus state={state} done={t("saved")} />
      {initial?.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="field">
        <label htmlFor="ind-resultNodeId">{t("result")}</label>
        <select id="ind-resultNodeId" name="resultNodeId" defaultValue={value("resultNodeId", initial?.resultNodeId)}>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.code} {n.title}
            </option>
          ))}
        </select>
        {error("resultNodeId") && <span className="error">{error("resultNodeId")}</span>}
      </div>
      {text("code")}
      {text("title")}
      {select("measure")}
      {text("unit")}
      {select("direction")}
      {select("timeRule")}
      {select("source")}
      {text("baselineValue")}
      {text("baselineNumerator")}
      {text("baselineDenominator")}
      {text("baselineDate", "date")}
      {text("minValue")}
      {text("maxValue")}
      <div className="field">
        <label htmlFor="ind-wholeNumbers">{t("wholeNumbers")}</label>
        <select
          id="ind-wholeNumbers"
          name="wholeNumbers"
          defaultValue={value("wholeNumbers", initial?.wholeNumbers == null ? "" : initial.wholeNumbers ? "yes" : "no")}
        >
          <option value="">{t("wholeNumbersChoices.auto")}</option>
          <option value="yes">{t("wholeNumbersChoices.yes")}</option>
          <option value="no">{t("wholeNumbersChoices.no")}</option>
        </select>
      </div>
      <fieldset className="field">
        <legend>{t("dimensionKeys")}</legend>
        {dimensions.map((d) => (
          <label key={d.key} style={{ display: "block" }}>
            <input
              type="checkbox"
              name="dimensionKeys"
              value={d.key}
              defaultChecked={checked("dimensionKeys", d.key, initial?.dimensionKeys.includes(d.key) ?? false)}
            />{" "}
            {d.name} <span className="muted">({d.options})</span>
          </label>
        ))}
        {error("dimensionKeys") && <span className="error">{error("dimensionKeys")}</span>}
      </fieldset>
      {text("definition")}
      {text("meansOfVerification")}
      <button className="button" type="submit" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
