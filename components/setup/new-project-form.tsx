"use client";
import { Field } from "@/components/ui/field";
import { createProjectAction } from "@/lib/projects/actions";
import { type PlaceOption, PlacesPicker } from "./places-picker";
import { FormStatus, useSetupForm } from "./use-setup-form";

export const frequencies = ["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL"] as const;

/** Admins create a project with its basics; the manager then builds its logframe and targets. */
export function NewProjectForm({ places }: { places: PlaceOption[] }) {
  const { state, formAction, formKey, pending, t, error, value, checked } = useSetupForm(createProjectAction);
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="new-project-title">
      <h2 id="new-project-title" style={{ marginTop: 0 }}>
        {t("newProject")}
      </h2>
      <FormStatus state={state} />
      <Field id="np-code" name="code" label={t("code")} defaultValue={value("code")} error={error("code")} />
      <Field id="np-name" name="name" label={t("name")} defaultValue={value("name")} error={error("name")} />
      <Field id="np-donor" name="donor" label={t("donor")} defaultValue={value("donor")} error={error("donor")} />
      <Field
        id="np-summary"
        name="summary"
        label={t("summary")}
        defaultValue={value("summary")}
        error={error("summary")}
      />
      <Field
        id="np-start"
        name="startDate"
        type="date"
        label={t("startDate")}
        defaultValue={value("startDate")}
        error={error("startDate")}
      />
      <Field
        id="np-end"
        name="endDate"
        type="date"
        label={t("endDate")}
        defaultValue={value("endDate")}
        error={error("endDate")}
      />
      <div className="field">
        <label htmlFor="np-frequency">{t("frequency")}</label>
        <select id="np-frequency" name="reportingFrequency" defaultValue={value("reportingFrequency", "QUARTERLY")}>
          {frequencies.map((f) => (
            <option key={f} value={f}>
              {t(`frequencies.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="np-language">{t("language")}</label>
        <select id="np-language" name="language" defaultValue={value("language", "en")}>
          <option value="en">English</option>
          <option value="es">Español</option>
          <option value="fr">Français</option>
        </select>
      </div>
      <PlacesPicker
        name="locations"
        places={places}
        isChecked={(v) => checked("locations", v, false)}
        error={error("locations")}
      />
      <Field
        id="np-manager"
        name="manager"
        type="email"
        label={t("manager")}
        defaultValue={value("manager")}
        error={error("manager")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
