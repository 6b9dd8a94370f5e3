"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { addSurveyRoundAction, type FormState } from "@/lib/server/schedule/actions";

const types = ["BASELINE", "MIDLINE", "ENDLINE", "OTHER"] as const;
const modes = ["PHONE", "IN_PERSON", "ONLINE", "MIXED"] as const;

export type RoundValues = {
  id: string;
  type: string;
  name: string;
  startDate: string;
  endDate: string;
  mode: string;
  plannedSampleSize: string;
  achievedSampleSize: string;
  notes: string;
};

/** Adds a survey round, or edits one (`round`). */
export function AddRoundForm({ projectId, round }: { projectId: string; round?: RoundValues }) {
  const t = useTranslations("schedule");
  const message = useErrorMessage("schedule.errors");
  const {
    state,
    formAction: action,
    pending,
    formKey,
  } = useRemountingAction<FormState>(addSurveyRoundAction.bind(null, projectId), {});
  const value = (field: keyof RoundValues) => state.values?.[field] ?? round?.[field];
  const id = (field: string) => `round-${round?.id ?? "new"}-${field}`;
  const error = (field: string) => message(state.fieldErrors?.[field]);
  return (
    <form
      key={formKey}
      action={action}
      className="card"
      noValidate
      aria-labelledby={round ? undefined : "add-round-title"}
      aria-label={round ? `${t("edit")}: ${round.name}` : undefined}
    >
      {!round && (
        <h2 id="add-round-title" style={{ marginTop: 0 }}>
          {t("addRound")}
        </h2>
      )}
      {round && <input type="hidden" name="roundId" value={round.id} />}
      {state.done && <p role="status">{round ? t("roundSaved") : t("roundAdded")}</p>}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <div className="field">
        <label htmlFor={id("type")}>{t("type")}</label>
        <select id={id("type")} name="type" defaultValue={value("type") ?? "MIDLINE"}>
          {types.map((x) => (
            <option key={x} value={x}>
              {t(`types.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <Field id={id("name")} name="name" defaultValue={value("name")} label={t("name")} error={error("name")} />
      <Field
        id={id("start")}
        name="startDate"
        defaultValue={value("startDate")}
        type="date"
        label={t("start")}
        error={error("startDate")}
      />
      <Field
        id={id("end")}
        name="endDate"
        defaultValue={value("endDate")}
        type="date"
        label={t("end")}
        error={error("endDate")}
      />
      <div className="field">
        <label htmlFor={id("mode")}>{t("mode")}</label>
        <select id={id("mode")} name="mode" defaultValue={value("mode") ?? "PHONE"}>
          {modes.map((x) => (
            <option key={x} value={x}>
              {t(`modes.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={id("planned")}
        name="plannedSampleSize"
        defaultValue={value("plannedSampleSize")}
        inputMode="numeric"
        label={t("planned")}
        error={error("plannedSampleSize")}
      />
      <Field
        id={id("achieved")}
        name="achievedSampleSize"
        defaultValue={value("achievedSampleSize")}
        inputMode="numeric"
        label={t("achieved")}
        error={error("achievedSampleSize")}
      />
      <Field
        id={id("notes")}
        name="notes"
        defaultValue={value("notes")}
        label={t("notes")}
        placeholder={t("notesPlaceholder")}
        error={error("notes")}
      />
      <button className="button" type="submit" disabled={pending}>
        {round ? t("saveRound") : t("addRound")}
      </button>
    </form>
  );
}
