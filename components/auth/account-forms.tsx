"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus, useSetupForm } from "@/components/setup/use-setup-form";
import { Field } from "@/components/ui/field";
import {
  changePasswordAction,
  type ResetRequestState,
  requestResetAction,
  resetPasswordAction,
} from "@/lib/server/users/account-actions";

function NewPasswordFields({ error }: { error: (field: string) => string | null }) {
  const t = useTranslations("account");
  return (
    <>
      <Field
        id="new-password"
        name="password"
        type="password"
        label={t("newPassword")}
        error={error("password")}
        autoComplete="new-password"
      />
      <Field
        id="confirm-password"
        name="confirm"
        type="password"
        label={t("confirmPassword")}
        error={error("confirm")}
        autoComplete="new-password"
      />
    </>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const { state, formAction, formKey, pending, error } = useSetupForm(changePasswordAction);
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="change-password-title">
      <h2 id="change-password-title" style={{ marginTop: 0 }}>
        {t("changePassword")}
      </h2>
      <p className="muted">{t("changePasswordIntro")}</p>
      <FormStatus state={state} />
      <Field
        id="current-password"
        name="current"
        type="password"
        label={t("currentPassword")}
        error={error("current")}
        autoComplete="current-password"
      />
      <NewPasswordFields error={error} />
      <button className="button" type="submit" disabled={pending}>
        {t("changePassword")}
      </button>
    </form>
  );
}

export function RequestResetForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState<ResetRequestState, FormData>(requestResetAction, {});
  if (state.outcome === "sent") return <p role="status">{t("resetSent")}</p>;
  return (
    <form action={action} noValidate>
      {state.outcome === "noMail" && <p role="alert">{t("resetNoMail")}</p>}
      {state.outcome === "rateLimited" && (
        <p role="alert" className="error">
          {t("resetRateLimited")}
        </p>
      )}
      <Field
        id="reset-email"
        name="email"
        type="email"
        label={t("email")}
        error={state.error ? t("emailInvalid") : null}
        autoComplete="email"
      />
      <button className="button" type="submit" disabled={pending}>
        {t("sendResetLink")}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const { state, formAction, formKey, pending, error } = useSetupForm(resetPasswordAction.bind(null, token));
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <NewPasswordFields error={error} />
      <button className="button" type="submit" disabled={pending}>
        {t("setPassword")}
      </button>
    </form>
  );
}
