"use client";
import { Field } from "@/components/ui/field";
import { projectDetailsAction } from "@/lib/server/projects/actions";
import { FrequencySelect } from "./frequency-select";
import { type PlaceOption, PlacesPicker } from "./places-picker";
import { FormStatus, useSetupForm } from "./use-setup-form";

export type ProjectDetails = {
  version: number;
  name: string;
  summary: string;
  donor: string;
  partners: string;
  startDate: string;
  endDate: string;
  reportingFrequency: string;
  onTrackThreshold: number;
  atRiskThreshold: number;
  languages: string;
  sourceNote: string;
  locationIds: string[];
  /** Keys of the project's themes (the organisation's list, StudyTheme). */
  themes: string[];
};

export function ProjectDetailsForm({
  projectId,
  details,
  places,
  themes,
}: {
  projectId: string;
  details: ProjectDetails;
  places: PlaceOption[];
  /** The organisation's themes, named in the reader's language. */
  themes: { key: string; name: string }[];
}) {
  const { state, formAction, formKey, pending, t, error, value, checked } = useSetupForm(
    projectDetailsAction.bind(null, projectId),
  );
  const field = (name: keyof ProjectDetails, type = "text") => (
    <Field
      id={`pd-${name}`}
      name={name}
      type={type}
      label={t(name)}
      defaultValue={value(name, details[name] as string)}
      error={error(name)}
    />
  );
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="details-title">
      <h2 id="details-title" style={{ marginTop: 0 }}>
        {t("detailsTitle")}
      </h2>
      <FormStatus state={state} done={t("saved")} />
      <input type="hidden" name="version" value={details.version} />
      {field("name")}
      {field("summary")}
      {field("donor")}
      {field("partners")}
      {field("startDate", "date")}
      {field("endDate", "date")}
      <FrequencySelect id="pd-frequency" defaultValue={value("reportingFrequency", details.reportingFrequency)} />
      {field("onTrackThreshold")}
      {field("atRiskThreshold")}
      {field("languages")}
      {field("sourceNote")}
      <PlacesPicker
        name="locationIds"
        places={places}
        isChecked={(v) => checked("locationIds", v, details.locationIds.includes(v))}
        error={error("locationIds")}
      />
      <fieldset aria-describedby={error("themes") ? "pd-themes-error" : undefined}>
        <legend>{t("themes")}</legend>
        {/* Says the themes were offered: a form without them (an older page) leaves the project's themes as they are. */}
        <input type="hidden" name="themesShown" value="1" />
        {themes.map((theme) => (
          <label key={theme.key} style={{ display: "block" }}>
            <input
              type="checkbox"
              name="themes"
              value={theme.key}
              defaultChecked={checked("themes", theme.key, details.themes.includes(theme.key))}
            />{" "}
            {theme.name}
          </label>
        ))}
        {error("themes") && (
          <p id="pd-themes-error" className="error" role="alert">
            {error("themes")}
          </p>
        )}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {t("saveDetails")}
      </button>
    </form>
  );
}
