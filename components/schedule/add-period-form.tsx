"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { addPeriodAction, type FormState } from "@/lib/server/schedule/actions";

export function AddPeriodForm({ projectId }: { projectId: string }) {
  const t = useTranslations("schedule");
  const message = useErrorMessage("schedule.errors");
  const [state, action, pending] = useActionState<FormState, FormData>(addPeriodAction.bind(null, projectId), {});
  const error = (field: string) => message(state.fieldErrors?.[field]);
  return (
    <form action={action} className="card" noValidate aria-labelledby="add-period-title">
      <h2 id="add-period-title" style={{ marginTop: 0 }}>
        {t("addPeriod")}
      </h2>
      {state.done && <p role="status">{t("periodAdded")}</p>}
      <Field
        id="period-label"
        name="label"
        label={t("period")}
        defaultValue={state.values?.label}
        error={error("label")}
      />
      <Field
        id="period-start"
        name="startDate"
        type="date"
        label={t("start")}
        defaultValue={state.values?.startDate}
        error={error("startDate")}
      />
      <Field
        id="period-end"
        name="endDate"
        type="date"
        label={t("end")}
        defaultValue={state.values?.endDate}
        error={error("endDate")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("addPeriod")}
      </button>
    </form>
  );
}
