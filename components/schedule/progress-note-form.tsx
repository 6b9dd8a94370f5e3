"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type FormState, progressNoteAction } from "@/lib/server/schedule/actions";

/** A period's progress note, written by a manager and shown with the period on donor reports. */
export function ProgressNoteForm({
  projectId,
  periodId,
  label,
  note,
  noteAt,
}: {
  projectId: string;
  periodId: string;
  label: string;
  note: string | null;
  /** When the saved note was written (ISO), "" for none: a note saved meanwhile is not overwritten. */
  noteAt: string;
}) {
  const t = useTranslations("schedule");
  const [state, action, pending] = useActionState<FormState, FormData>(progressNoteAction.bind(null, projectId), {});
  const message = useErrorMessage("schedule.errors");
  const id = `note-${periodId}`;
  return (
    <details className="progress-note" open={Boolean(state.error || state.fieldErrors)}>
      <summary>{note ? t("editNote") : t("writeNote")}</summary>
      <form action={action} aria-label={t("noteFor", { period: label })}>
        <input type="hidden" name="periodId" value={periodId} />
        <input type="hidden" name="seenAt" value={noteAt} />
        <label htmlFor={id}>{t("progressNote")}</label>
        <p className="muted">{t("progressNoteHelp")}</p>
        <textarea
          id={id}
          name="note"
          rows={4}
          defaultValue={state.values?.note ?? note ?? ""}
          aria-invalid={Boolean(state.fieldErrors?.note)}
        />
        {state.fieldErrors?.note && (
          <p role="alert" className="error">
            {message(state.fieldErrors.note)}
          </p>
        )}
        {state.error && (
          <p role="alert" className="error">
            {message(state.error)}
          </p>
        )}
        {state.done && <p role="status">{t("noteSaved")}</p>}
        <button type="submit" className="button secondary" aria-disabled={pending}>
          {t("saveNote")}
        </button>
      </form>
    </details>
  );
}
