"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SecretNotice } from "@/components/ui/secret-notice";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type ManageUserState, manageUserAction } from "@/lib/server/users/manage-actions";

type Props = {
  userId: string;
  name: string;
  isAdmin: boolean;
  isProgramManager: boolean;
  isMeLead: boolean;
  active: boolean;
  /** The signed-in admin's own row: they may not deactivate or demote themselves. */
  self: boolean;
};

/** The changes an admin may make to one user; each button sends its intent. */
export function UserActions({ userId, name, isAdmin, isProgramManager, isMeLead, active, self }: Props) {
  const t = useTranslations("adminUsers");
  const message = useErrorMessage("adminUsers.errors");
  const [state, action, pending] = useActionState<ManageUserState, FormData>(manageUserAction, {});
  const intents = [
    ...(self ? [] : [active ? "deactivate" : "reactivate"]),
    ...(isAdmin ? (self ? [] : ["revokeAdmin"]) : ["grantAdmin"]),
    isProgramManager ? "revokeProgramManager" : "grantProgramManager",
    isMeLead ? "revokeMeLead" : "grantMeLead",
    "resetLink",
  ] as const;
  return (
    <form action={action} className="inline-actions">
      <input type="hidden" name="userId" value={userId} />
      {intents.map((intent) => (
        <button
          key={intent}
          className="button secondary"
          type="submit"
          name="intent"
          value={intent}
          disabled={pending}
          aria-label={t(`intents.${intent}Label`, { name })}
        >
          {t(`intents.${intent}`)}
        </button>
      ))}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {state.resetLink && (
        <SecretNotice message={t("resetLinkCreated")} label={t("resetLink")} value={state.resetLink} />
      )}
    </form>
  );
}
