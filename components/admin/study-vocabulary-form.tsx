"use client";
// Adds a study type or theme (key, English and Spanish names); the page lists it once added.
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { addStudyVocabularyAction } from "@/lib/server/studies/actions";

export function StudyVocabularyForm({ kind }: { kind: "type" | "theme" }) {
  const t = useTranslations("studyVocabulary");
  const message = useErrorMessage("studyVocabulary.errors");
  const { state, formAction, pending, formKey } = useRemountingAction(addStudyVocabularyAction, {});
  const field = (name: "key" | "nameEn" | "nameEs") => {
    const id = `${kind}-${name}`;
    const problem = state.fieldErrors?.[name];
    return (
      <div className="field">
        <label htmlFor={id}>{t(name)}</label>
        <input
          id={id}
          name={name}
          required
          maxLength={name === "key" ? 60 : 120}
          defaultValue={state.done ? "" : (state.values?.[name] ?? "")}
          aria-invalid={Boolean(problem)}
          aria-describedby={`${id}-error`}
        />
        {problem && (
          <span id={`${id}-error`} className="error">
            {message(problem)}
          </span>
        )}
      </div>
    );
  };
  return (
    <form key={formKey} action={formAction} aria-label={t(kind === "type" ? "addType" : "addTheme")}>
      <input type="hidden" name="kind" value={kind} />
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {field("key")}
      {field("nameEn")}
      {field("nameEs")}
      <button type="submit" className="button secondary" disabled={pending}>
        {t(kind === "type" ? "addType" : "addTheme")}
      </button>
      {state.done && <p role="status">{t("added")}</p>}
    </form>
  );
}
