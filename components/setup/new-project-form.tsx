"use client";
import { Field } from "@/components/ui/field";
import { createProjectAction } from "@/lib/server/projects/actions";
import { FrequencySelect } from "./frequency-select";
import { type PlaceOption, PlacesPicker } from "./places-picker";
import { ProjectIdentityFields } from "./project-identity-fields";
import { FormStatus, useSetupForm } from "./use-setup-form";

/** Admins create a project with its basics; the manager then builds its logframe and targets. */
export function NewProjectForm({ places }: { places: PlaceOption[] }) {
  const { state, formAction, formKey, pending, t, error, value, checked } = useSetupForm(createProjectAction);
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="new-project-title">
      <h2 id="new-project-title" style={{ marginTop: 0 }}>
        {t("newProject")}
      </h2>
      <FormStatus state={state} />
      <ProjectIdentityFields prefix="np" t={t} value={(f) => value(f)} error={error} />
      <Field id="np-donor" name="donor" label={t("donor")} defaultValue={value("donor")} error={error("donor")} />
      <Field
        id="np-summary"
        name="summary"
        label={t("summary")}
        defaultValue={value("summary")}
        error={error("summary")}
      />
      <FrequencySelect id="np-frequency" defaultValue={value("reportingFrequency", "QUARTERLY")} />
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
