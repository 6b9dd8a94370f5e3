"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SecretNotice } from "@/components/ui/secret-notice";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type CreateApiTokenState, createApiTokenAction } from "@/lib/server/api-tokens/actions";

export function CreateApiTokenForm() {
  const t = useTranslations("tokens");
  const [state, action, pending] = useActionState<CreateApiTokenState, FormData>(createApiTokenAction, {});
  const message = useErrorMessage("tokens.errors");
  const error = (field: "name" | "expiresAt") => message(state.fieldErrors?.[field]);
  return (
    <form action={action} className="card" noValidate>
      <h2 style={{ marginTop: 0 }}>{t("createTitle")}</h2>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {state.token && <SecretNotice message={t("created")} label={t("secret")} value={state.token} />}
      <Field
        id="token-name"
        name="name"
        defaultValue={state.values?.name}
        label={t("name")}
        placeholder={t("namePlaceholder")}
        error={error("name")}
      />
      <Field
        id="token-expiry"
        name="expiresAt"
        defaultValue={state.values?.expiresAt}
        type="date"
        label={t("expiresAt")}
        error={error("expiresAt")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
