"use client";
import { Field } from "@/components/ui/field";
import { acceptInvitationAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

export function AcceptInvitationForm({ token }: { token: string }) {
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(
    acceptInvitationAction.bind(null, token),
  );
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <Field
        id="join-name"
        name="name"
        label={t("memberName")}
        defaultValue={value("name")}
        error={error("name")}
        autoComplete="name"
      />
      <Field
        id="join-password"
        name="password"
        type="password"
        label={t("password")}
        error={error("password")}
        autoComplete="new-password"
      />
      <button className="button" type="submit" disabled={pending}>
        {t("join")}
      </button>
    </form>
  );
}
