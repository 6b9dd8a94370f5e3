"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useAnnounce } from "@/components/entry/review-announcer";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type ReviewOutcome, reviewResultAction } from "@/lib/server/results/actions";

/** Approve or return one submitted value; a return needs a comment, said in place if missing. */
export function ReviewForm({
  projectId,
  resultId,
  version,
  label,
}: {
  projectId: string;
  resultId: string;
  version: number;
  label: string;
}) {
  const t = useTranslations("entry.review");
  const message = useErrorMessage("entry.review");
  const announce = useAnnounce();
  // Said when the answer comes, not after: the refreshed page that comes with it no longer holds this row.
  const [state, action, pending] = useActionState<ReviewOutcome, FormData>(async (previous, form) => {
    const outcome = await reviewResultAction(projectId, previous, form);
    const decided = outcome.decided;
    if (decided)
      announce(t("decidedOne", { value: label, outcome: t(decided === "approve" ? "approved" : "returned") }));
    return outcome;
  }, {});
  if (state.decided) return <span>{t(state.decided === "approve" ? "approved" : "returned")}</span>;
  return (
    <form action={action} className="review-form" aria-label={label}>
      <input type="hidden" name="resultId" value={resultId} />
      <input type="hidden" name="version" value={version} />
      <label>
        <span className="visually-hidden">{t("comment")}</span>
        <input name="comment" defaultValue={state.values?.comment} placeholder={t("comment")} />
      </label>
      <button type="submit" name="decision" value="approve" className="button" disabled={pending}>
        {t("approve")}
      </button>
      <button type="submit" name="decision" value="return" className="button secondary" disabled={pending}>
        {t("return")}
      </button>
      {state.error && (
        <span role="alert" className="error">
          {message(state.error)}
        </span>
      )}
    </form>
  );
}
