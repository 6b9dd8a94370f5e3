"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/server/action";
import { joinInvitationAction } from "@/lib/server/projects/join-actions";

/** Joins with one click: the signed-in account is the invited one. */
export function JoinInvitationButton({ token }: { token: string }) {
  const t = useTranslations("setup");
  const message = useErrorMessage("setup.errors");
  const [state, action, pending] = useActionState<ActionState, FormData>(joinInvitationAction.bind(null, token), {});
  return (
    <form action={action}>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <button className="button" type="submit" disabled={pending}>
        {t("join")}
      </button>
    </form>
  );
}
