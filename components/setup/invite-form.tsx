"use client";
import { Field } from "@/components/ui/field";
import { SecretNotice } from "@/components/ui/secret-notice";
import { inviteAction } from "@/lib/server/projects/actions";
import { roles } from "./roles";
import { FormStatus, useSetupForm } from "./use-setup-form";

export function InviteForm({ projectId, appUrl }: { projectId: string; appUrl: string }) {
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(inviteAction.bind(null, projectId));
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="invite-title">
      <h2 id="invite-title" style={{ marginTop: 0 }}>
        {t("inviteTitle")}
      </h2>
      <FormStatus state={state} done={state.emailed ? t("invitationEmailed") : undefined} />
      {state.token && (
        <SecretNotice
          message={state.emailed ? t("invitationLinkToo") : t("invitationLink")}
          label={t("invitationLinkLabel")}
          value={`${appUrl}/invite/${state.token}`}
        />
      )}
      <Field
        id="invite-email"
        name="email"
        type="email"
        label={t("email")}
        defaultValue={value("email")}
        error={error("email")}
      />
      <div className="field">
        <label htmlFor="invite-role">{t("role")}</label>
        <select id="invite-role" name="role" defaultValue={value("role", "EVALUATOR")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button className="button" type="submit" disabled={pending}>
        {t("invite")}
      </button>
    </form>
  );
}
