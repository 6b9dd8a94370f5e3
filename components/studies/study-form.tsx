"use client";
// The filing form of a study: metadata, links and one document, sent to createStudyAction (which opens the
// study's page once filed); with `edit`, the same form started from the stored study, saved through
// updateStudyAction as of the version it was opened on (documents are added and removed on the study's
// page). Uncontrolled fields, remounted with what was typed after a refusal.
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { studyMethods, studyVisibilities } from "@/lib/domain/studies/input";
import { createStudyAction, updateStudyAction } from "@/lib/server/studies/actions";

type Option = { value: string; label: string };

export type StudyFormChoices = {
  types: Option[];
  themes: Option[];
  countries: Option[];
  projects: { id: string; label: string; rounds: Option[]; indicators: Option[] }[];
};

const languages = ["en", "es", "fr", "pt"];

/** The documents the file pickers offer (the server checks each as an evidence file whatever is sent). */
export const studyFileAccept = ".pdf,.docx,.doc,.odt,application/pdf";

/** The study being edited: its id, the version read, and its fields (lib/domain/studies/form.ts studyFormValues). */
export type StudyEdit = {
  studyId: string;
  version: number;
  values: Record<string, string>;
  lists: Record<string, string[]>;
};

export function StudyForm({ choices, locale, edit }: { choices: StudyFormChoices; locale: string; edit?: StudyEdit }) {
  const t = useTranslations("studies");
  const message = useErrorMessage("studies.errors");
  const { state, formAction, pending, formKey } = useRemountingAction(
    edit ? updateStudyAction : createStudyAction,
    edit ? { values: edit.values, lists: edit.lists } : {},
  );
  const v = (name: string) => state.values?.[name] ?? "";
  const chosen = (name: string, value: string) => state.lists?.[name]?.includes(value) ?? false;
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    return key ? (
      <span id={`study-${name}-error`} className="error">
        {message(key)}
      </span>
    ) : null;
  };
  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field">
      <label htmlFor={`study-${name}`}>{label}</label>
      <input
        id={`study-${name}`}
        name={name}
        defaultValue={v(name)}
        aria-invalid={Boolean(state.fieldErrors?.[name])}
        aria-describedby={`study-${name}-error`}
        {...props}
      />
      {error(name)}
    </div>
  );
  const select = (name: string, label: string, options: Option[], fallback = "", empty?: string) => (
    <div className="field">
      <label htmlFor={`study-${name}`}>{label}</label>
      <select id={`study-${name}`} name={name} defaultValue={v(name) || fallback}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error(name)}
    </div>
  );
  const checks = (name: string, legend: string, options: Option[]) => (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={name} value={o.value} defaultChecked={chosen(name, o.value)} /> {o.label}
        </label>
      ))}
      {error(name)}
    </fieldset>
  );
  const textarea = (name: string, label: string, rows = 4) => (
    <div className="field">
      <label htmlFor={`study-${name}`}>{label}</label>
      <textarea id={`study-${name}`} name={name} rows={rows} defaultValue={v(name)} />
      {error(name)}
    </div>
  );
  const languageOptions = languages.map((l) => ({ value: l, label: l }));
  return (
    <form key={formKey} action={formAction} className="study-form">
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {edit && (
        <>
          <input type="hidden" name="studyId" value={edit.studyId} />
          <input type="hidden" name="version" value={edit.version} />
          <input type="hidden" name="findingsKept" value={v("findingsKept")} />
          <input type="hidden" name="textsKept" value={v("textsKept")} />
        </>
      )}
      {select("typeKey", t("type"), choices.types)}
      {select("language0", t("form.language"), languageOptions, locale)}
      {input("title0", t("form.titleField"), { required: true, maxLength: 300 })}
      {textarea("abstract0", t("form.abstractField"), 6)}
      <details open={Boolean(v("title1"))}>
        <summary>{t("form.secondLanguage")}</summary>
        {select("language1", `${t("form.language")} (2)`, languageOptions, locale === "es" ? "en" : "es")}
        {input("title1", `${t("form.titleField")} (2)`, { maxLength: 300 })}
        {textarea("abstract1", `${t("form.abstractField")} (2)`, 6)}
      </details>
      {checks(
        "projectIds",
        t("form.projectsHint"),
        choices.projects.map((p) => ({ value: p.id, label: p.label })),
      )}
      {select(
        "method",
        t("method"),
        studyMethods.map((m) => ({ value: m, label: t(`methods.${m}`) })),
        "",
        t("form.none"),
      )}
      {input("instruments", t("instruments"), { maxLength: 2000 })}
      {input("fieldworkStart", t("form.fieldworkStart"), { type: "date" })}
      {input("fieldworkEnd", t("form.fieldworkEnd"), { type: "date" })}
      {input("publishedOn", t("form.publishedOn"), { type: "date" })}
      {input("authors", t("authors"), { maxLength: 500 })}
      {input("commissionedBy", t("commissionedBy"), { maxLength: 500 })}
      {input("pageCount", t("pageCount"), { type: "number", min: 1, max: 100000 })}
      {select(
        "visibility",
        t("visibility"),
        studyVisibilities.map((x) => ({ value: x, label: t(`visibilities.${x}`) })),
        "INTERNAL",
      )}
      <div className="field">
        <label htmlFor="study-locationIds">{t("places")}</label>
        <select
          id="study-locationIds"
          name="locationIds"
          multiple
          size={5}
          defaultValue={state.lists?.locationIds ?? []}
        >
          {choices.countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {error("locationIds")}
      </div>
      {checks("themeKeys", t("themes"), choices.themes)}
      {checks(
        "roundIds",
        t("rounds"),
        choices.projects.flatMap((p) => p.rounds.map((r) => ({ value: r.value, label: `${p.label}: ${r.label}` }))),
      )}
      {checks(
        "indicatorIds",
        t("indicators"),
        choices.projects.flatMap((p) => p.indicators.map((i) => ({ value: i.value, label: `${p.label}: ${i.label}` }))),
      )}
      {textarea("samples", t("form.samples"), 3)}
      {textarea("findings", t("form.findingsField"), 3)}
      {select(
        "findingIndicator",
        t("form.findingIndicator"),
        choices.projects.flatMap((p) => p.indicators.map((i) => ({ value: i.value, label: `${p.label}: ${i.label}` }))),
        "",
        t("form.none"),
      )}
      {!edit && (
        <div className="field">
          <label htmlFor="study-file">{t("form.file")}</label>
          <input id="study-file" name="file" type="file" accept={studyFileAccept} />
          {error("file")}
        </div>
      )}
      <button type="submit" disabled={pending}>
        {pending ? t(edit ? "form.updating" : "form.saving") : t(edit ? "form.update" : "form.save")}
      </button>
    </form>
  );
}
