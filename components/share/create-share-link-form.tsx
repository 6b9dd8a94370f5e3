"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SecretNotice } from "@/components/ui/secret-notice";
import { useErrorMessage } from "@/components/ui/use-error-message";
import {
  type CreateShareLinkState,
  createShareLinkAction,
  type ShareLinkField,
} from "@/lib/server/share-links/actions";

export function CreateShareLinkForm({ projectId }: { projectId: string }) {
  const t = useTranslations("share");
  const [state, action, pending] = useActionState<CreateShareLinkState, FormData>(
    createShareLinkAction.bind(null, projectId),
    {},
  );
  const message = useErrorMessage("share.errors");
  const error = (field: ShareLinkField) => message(state.fieldErrors?.[field]);
  return (
    <form action={action} className="card" noValidate>
      <h2 style={{ marginTop: 0 }}>{t("createTitle")}</h2>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {state.url && <SecretNotice message={t("created")} label={t("linkUrl")} value={state.url} />}
      <Field
        id="label"
        name="label"
        defaultValue={state.values?.label}
        label={t("label")}
        placeholder={t("labelPlaceholder")}
        error={error("label")}
      />
      <Field
        id="expiresAt"
        name="expiresAt"
        defaultValue={state.values?.expiresAt}
        type="date"
        label={t("expiresAt")}
        error={error("expiresAt")}
      />
      <fieldset className="field">
        <legend>{t("shows")}</legend>
        {(["showRegions", "showDisaggregations", "showConfidenceIntervals", "showComments"] as const).map((option) => (
          <label key={option}>
            <input
              type="checkbox"
              name={option}
              defaultChecked={state.values ? state.values[option] === "on" : option !== "showComments"}
            />{" "}
            {t(`options.${option}`)}
          </label>
        ))}
      </fieldset>
      <Field
        id="embedOrigins"
        name="embedOrigins"
        defaultValue={state.values?.embedOrigins}
        label={t("embedOrigins")}
        placeholder="https://donor.example.org"
        error={error("embedOrigins")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
