"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FormState, periodLockAction } from "@/lib/server/schedule/actions";

/** Lock a period, or reopen it with a reason (kept in the audit trail). */
export function PeriodLockForm({
  projectId,
  periodId,
  locked,
  label,
}: {
  projectId: string;
  periodId: string;
  locked: boolean;
  label: string;
}) {
  const t = useTranslations("schedule");
  const [state, action, pending] = useActionState<FormState, FormData>(periodLockAction.bind(null, projectId), {});
  return (
    <form action={action} className="review-form" aria-label={label}>
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="lock" value={locked ? "0" : "1"} />
      {locked && (
        <label>
          <span className="visually-hidden">{t("reason")}</span>
          <input
            name="reason"
            defaultValue={state.values?.reason}
            placeholder={t("reason")}
            aria-invalid={Boolean(state.fieldErrors?.reason)}
          />
        </label>
      )}
      <button type="submit" className="button secondary" disabled={pending}>
        {locked ? t("reopen") : t("lock")}
      </button>
      {state.fieldErrors?.reason && (
        <span role="alert" className="error">
          {t("errors.reasonRequired")}
        </span>
      )}
    </form>
  );
}
