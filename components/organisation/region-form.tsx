"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type RegionFormState, saveRegionAction } from "@/lib/server/library/region-actions";

/** The form an admin or M&E lead groups countries into a region with (a region's key again replaces it). */
export function RegionForm() {
  const t = useTranslations("organisation");
  const message = useErrorMessage("organisation.errors");
  const [state, action, pending] = useActionState<RegionFormState, FormData>(saveRegionAction, {});
  const value = (name: string) => (state.done ? "" : (state.values?.[name] ?? ""));
  const error = (name: string) => message(state.fieldErrors?.[name]);
  const formKey = JSON.stringify([state.key, state.values, state.fieldErrors]);
  return (
    <form action={action} className="card" noValidate aria-labelledby="region-form-title" key={formKey}>
      <h2 id="region-form-title" style={{ marginTop: 0 }}>
        {t("regionFormTitle")}
      </h2>
      <p className="muted">{t("regionFormHelp")}</p>
      {state.done && (
        <p role="status" className="success">
          {t("regionSaved", { key: state.key ?? "" })}
        </p>
      )}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <Field id="region-key" name="key" label={t("regionKey")} defaultValue={value("key")} error={error("key")} />
      <Field
        id="region-name-en"
        name="nameEn"
        label={t("nameEn")}
        defaultValue={value("nameEn")}
        error={error("nameEn")}
      />
      <Field
        id="region-name-es"
        name="nameEs"
        label={t("nameEs")}
        defaultValue={value("nameEs")}
        error={error("nameEs")}
      />
      <Field
        id="region-countries"
        name="countries"
        label={t("regionCountries")}
        defaultValue={value("countries")}
        error={error("countries")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("regionSave")}
      </button>
    </form>
  );
}
