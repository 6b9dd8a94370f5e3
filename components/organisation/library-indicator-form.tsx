"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { createLibraryIndicatorAction, type LibraryFormState } from "@/lib/server/library/actions";

type Props = {
  measures: string[];
  /** The shared catalogue's dimensions a library indicator may require, by key, with their names. */
  dimensions: { key: string; name: string }[];
};

/** The form an admin or M&E lead adds a library indicator with; the service checks the rule against the measure. */
export function LibraryIndicatorForm({ measures, dimensions }: Props) {
  const t = useTranslations("organisation");
  const message = useErrorMessage("organisation.errors");
  const [state, action, pending] = useActionState<LibraryFormState, FormData>(createLibraryIndicatorAction, {});
  const value = (name: string) => (state.done ? "" : (state.values?.[name] ?? ""));
  const error = (name: string) => message(state.fieldErrors?.[name]);
  // Mounted afresh with each answer, so every field (selects too) shows what was kept, not its first value.
  const formKey = JSON.stringify([state.code, state.values, state.fieldErrors]);
  return (
    <form action={action} className="card" noValidate aria-labelledby="library-form-title" key={formKey}>
      <h2 id="library-form-title" style={{ marginTop: 0 }}>
        {t("addTitle")}
      </h2>
      {state.done && (
        <p role="status" className="success">
          {t("added", { code: state.code ?? "" })}
        </p>
      )}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <Field id="lib-code" name="code" label={t("code")} defaultValue={value("code")} error={error("code")} />
      <Field
        id="lib-name-en"
        name="nameEn"
        label={t("nameEn")}
        defaultValue={value("nameEn")}
        error={error("nameEn")}
      />
      <Field
        id="lib-name-es"
        name="nameEs"
        label={t("nameEs")}
        defaultValue={value("nameEs")}
        error={error("nameEs")}
      />
      <Field
        id="lib-definition"
        name="definition"
        label={t("definition")}
        defaultValue={value("definition")}
        error={error("definition")}
      />
      <div className="field">
        <label htmlFor="lib-measure">{t("measure")}</label>
        <select id="lib-measure" name="measure" defaultValue={value("measure") || measures[0]}>
          {measures.map((m) => (
            <option key={m} value={m}>
              {t(`measures.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <Field id="lib-unit" name="unit" label={t("unit")} defaultValue={value("unit")} error={error("unit")} />
      <div className="field">
        <label htmlFor="lib-rule">{t("rule")}</label>
        <select
          id="lib-rule"
          name="rollupRule"
          defaultValue={value("rollupRule")}
          aria-invalid={Boolean(error("rollupRule"))}
          aria-describedby="lib-rule-error"
        >
          <option value="">{t("ruleFromMeasure")}</option>
          {(["SUM", "RATIO", "NONE"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`rules.${r}`)}
            </option>
          ))}
        </select>
        {error("rollupRule") && (
          <span id="lib-rule-error" className="error">
            {error("rollupRule")}
          </span>
        )}
      </div>
      <fieldset>
        <legend>{t("requiredDimensions")}</legend>
        {dimensions.map((d) => (
          <label key={d.key} style={{ display: "block" }}>
            <input type="checkbox" name="dimensionKeys" value={d.key} /> {d.name}
          </label>
        ))}
        {error("dimensionKeys") && <span className="error">{error("dimensionKeys")}</span>}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {t("add")}
      </button>
    </form>
  );
}
