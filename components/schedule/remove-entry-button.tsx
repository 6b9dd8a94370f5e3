"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type FormState, removeScheduleEntryAction } from "@/lib/server/schedule/actions";

/** Removes a period or round that has no results; says why when it cannot. */
export function RemoveEntryButton({
  projectId,
  kind,
  id,
  label,
}: {
  projectId: string;
  kind: "period" | "round";
  id: string;
  label: string;
}) {
  const t = useTranslations("schedule");
  const message = useErrorMessage("schedule.errors");
  const [state, action, pending] = useActionState<FormState, FormData>(
    removeScheduleEntryAction.bind(null, projectId),
    {},
  );
  return (
    <form action={action} className="inline-actions">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button className="button secondary" type="submit" disabled={pending} aria-label={`${t("remove")}: ${label}`}>
        {t("remove")}
      </button>
      {state.error && (
        <span role="alert" className="error">
          {message(state.error)}
        </span>
      )}
    </form>
  );
}
