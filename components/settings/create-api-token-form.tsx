"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type CreateApiTokenState, createApiTokenAction } from "@/lib/api-tokens/actions";

export function CreateApiTokenForm() {
  const t = useTranslations("tokens");
  const [state, action, pending] = useActionState<CreateApiTokenState, FormData>(createApiTokenAction, {});
  const error = (field: "name" | "expiresAt") => {
    const key = state.fieldErrors?.[field];
    return key ? (
      <span id={`${field}-error`} className="error">
        {t(`errors.${key}` as "errors.required")}
      </span>
    ) : null;
  };
  return (
    <form action={action} className="card" noValidate>
      <h2 style={{ marginTop: 0 }}>{t("createTitle")}</h2>
      {state.token && (
        <div className="notice" role="status">
          <p>{t("created")}</p>
          <input
            aria-label={t("secret")}
            readOnly
            value={state.token}
            style={{ width: "100%" }}
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="token-name">{t("name")}</label>
        <input
          id="token-name"
          name="name"
          placeholder={t("namePlaceholder")}
          aria-invalid={Boolean(state.fieldErrors?.name)}
          aria-describedby="name-error"
        />
        {error("name")}
      </div>
      <div className="field">
        <label htmlFor="token-expiry">{t("expiresAt")}</label>
        <input
          id="token-expiry"
          name="expiresAt"
          type="date"
          aria-invalid={Boolean(state.fieldErrors?.expiresAt)}
          aria-describedby="expiresAt-error"
        />
        {error("expiresAt")}
      </div>
      <button className="button" type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
