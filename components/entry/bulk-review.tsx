"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useAnnounce } from "@/components/entry/review-announcer";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type BatchReviewOutcome, reviewBatchAction } from "@/lib/server/results/actions";

export const BULK_FORM = "bulk-review";

/**
 * Approve or return every value ticked in the table at once (the rows' checkboxes belong to this form
 * through their form attribute). With the filters, a whole period, place or indicator in one decision.
 */
export function BulkReview({ projectId, shown }: { projectId: string; shown: number }) {
  const t = useTranslations("entry.review");
  const message = useErrorMessage("entry.review");
  const announce = useAnnounce();
  // Said when the answer comes: with the last values decided, the refreshed page no longer holds this form.
  const [state, action, pending] = useActionState<BatchReviewOutcome, FormData>(async (previous, form) => {
    const outcome = await reviewBatchAction(projectId, previous, form);
    const decided = outcome.decided;
    if (decided)
      announce(t(decided.decision === "approve" ? "approvedCount" : "returnedCount", { count: decided.count }));
    return outcome;
  }, {});
  const tickAll = (on: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][name="pick"]`))
      box.checked = on;
  };
  return (
    <form id={BULK_FORM} action={action} className="bulk-review no-print" aria-label={t("bulk")}>
      <button type="button" className="button secondary" onClick={() => tickAll(true)}>
        {t("tickAll", { count: shown })}
      </button>
      <button type="button" className="button secondary" onClick={() => tickAll(false)}>
        {t("tickNone")}
      </button>
      <label>
        <span className="visually-hidden">{t("comment")}</span>
        <input name="comment" placeholder={t("comment")} />
      </label>
      <button type="submit" name="decision" value="approve" className="button" aria-disabled={pending}>
        {t("approveTicked")}
      </button>
      <button type="submit" name="decision" value="return" className="button secondary" aria-disabled={pending}>
        {t("returnTicked")}
      </button>
      {state.error && (
        <span role="alert" className="error">
          {message(state.error)}
        </span>
      )}
    </form>
  );
}
