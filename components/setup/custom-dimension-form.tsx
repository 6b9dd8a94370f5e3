"use client";
import { Field } from "@/components/ui/field";
import { customDimensionAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

/** Adds a custom disaggregation to the shared catalogue (for example displacement status). */
export function CustomDimensionForm({ projectId }: { projectId: string }) {
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(
    customDimensionAction.bind(null, projectId),
  );
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="dimension-title">
      <h2 id="dimension-title" style={{ marginTop: 0 }}>
        {t("addDimension")}
      </h2>
      <FormStatus state={state} done={t("dimensionAdded")} />
      <Field
        id="dim-name"
        name="name"
        label={t("dimensionName")}
        defaultValue={value("name")}
        error={error("name") ?? error("key")}
      />
      <div className="field">
        <label htmlFor="dim-options">{t("dimensionOptions")}</label>
        <textarea
          id="dim-options"
          name="options"
          rows={3}
          defaultValue={value("options")}
          aria-describedby="dim-options-error"
        />
        {error("options") && (
          <span id="dim-options-error" className="error">
            {error("options")}
          </span>
        )}
      </div>
      <button className="button" type="submit" disabled={pending}>
        {t("addDimension")}
      </button>
    </form>
  );
}
