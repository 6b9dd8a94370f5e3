"use client";
import { useTranslations } from "next-intl";
// Names the study (and page) a saved value is taken from: "Source: Final evaluation, 2021, p. 14" on the
// indicator page and the donor report. Values of a survey round cite the round's study without this.
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/domain/errors";
import { citeSourceAction } from "@/lib/server/studies/actions";

type Option = { id: string; label: string };

export function ValueSourceForm({
  projectId,
  values,
  studies,
}: {
  projectId: string;
  values: Option[];
  studies: Option[];
}) {
  const t = useTranslations("studies.citation");
  const message = useErrorMessage("studies.errors");
  const [state, action, pending] = useActionState<ActionState, FormData>(citeSourceAction.bind(null, projectId), {});
  if (values.length === 0 || studies.length === 0) return null;
  const error = (name: string) =>
    state.fieldErrors?.[name] ? (
      <span id={`cite-${name}-error`} className="error">
        {message(state.fieldErrors[name])}
      </span>
    ) : null;
  return (
    <section className="card" aria-labelledby="cite-title">
      <h2 id="cite-title">{t("formTitle")}</h2>
      <p className="muted">{t("formIntro")}</p>
      <form action={action}>
        {state.error && (
          <p role="alert" className="error">
            {message(state.error)}
          </p>
        )}
        <div className="field">
          <label htmlFor="cite-resultId">{t("value")}</label>
          <select id="cite-resultId" name="resultId" aria-describedby="cite-resultId-error">
            {values.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
          {error("resultId")}
        </div>
        <div className="field">
          <label htmlFor="cite-studyId">{t("study")}</label>
          <select id="cite-studyId" name="studyId" aria-describedby="cite-studyId-error">
            <option value="">{t("none")}</option>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          {error("studyId")}
        </div>
        <div className="field">
          <label htmlFor="cite-page">{t("pageField")}</label>
          <input id="cite-page" name="page" type="number" min={1} max={100000} aria-describedby="cite-page-error" />
          {error("page")}
        </div>
        <button type="submit" className="button secondary" disabled={pending}>
          {t("save")}
        </button>
        {state.done && <p role="status">{t("saved")}</p>}
      </form>
    </section>
  );
}
