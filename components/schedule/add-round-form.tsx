"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { addSurveyRoundAction, type FormState } from "@/lib/schedule/actions";

const types = ["BASELINE", "MIDLINE", "ENDLINE", "OTHER"] as const;
const modes = ["PHONE", "IN_PERSON", "ONLINE", "MIXED"] as const;

export function AddRoundForm({ projectId }: { projectId: string }) {
  const t = useTranslations("schedule");
  const [state, action, pending] = useActionState<FormState, FormData>(addSurveyRoundAction.bind(null, projectId), {});
  const error = (field: string) => {
    const code = state.fieldErrors?.[field];
    return code ? t(`errors.${code}` as "errors.required") : null;
  };
  return (
    <form action={action} className="card" noValidate>
      <h2 style={{ marginTop: 0 }}>{t("addRound")}</h2>
      {state.done && <p role="status">{t("roundAdded")}</p>}
      {state.error && (
        <p role="alert" className="error">
          {t("errors.notAllowed")}
        </p>
      )}
      <div className="field">
        <label htmlFor="round-type">{t("type")}</label>
        <select id="round-type" name="type" defaultValue={state.values?.type ?? "MIDLINE"}>
          {types.map((x) => (
            <option key={x} value={x}>
              {t(`types.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <Field id="round-name" name="name" defaultValue={state.values?.name} label={t("name")} error={error("name")} />
      <Field
        id="round-start"
        name="startDate"
        defaultValue={state.values?.startDate}
        type="date"
        label={t("start")}
        error={error("startDate")}
      />
      <Field
        id="round-end"
        name="endDate"
        defaultValue={state.values?.endDate}
        type="date"
        label={t("end")}
        error={error("endDate")}
      />
      <div className="field">
        <label htmlFor="round-mode">{t("mode")}</label>
        <select id="round-mode" name="mode" defaultValue={state.values?.mode ?? "PHONE"}>
          {modes.map((x) => (
            <option key={x} value={x}>
              {t(`modes.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="round-planned"
        name="plannedSampleSize"
        defaultValue={state.values?.plannedSampleSize}
        inputMode="numeric"
        label={t("planned")}
        error={error("plannedSampleSize")}
      />
      <Field
        id="round-achieved"
        name="achievedSampleSize"
        defaultValue={state.values?.achievedSampleSize}
        inputMode="numeric"
        label={t("achieved")}
        error={error("achievedSampleSize")}
      />
      <Field
        id="round-notes"
        name="notes"
        defaultValue={state.values?.notes}
        label={t("notes")}
        placeholder={t("notesPlaceholder")}
        error={error("notes")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("addRound")}
      </button>
    </form>
  );
}
