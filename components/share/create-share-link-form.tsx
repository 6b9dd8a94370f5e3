"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type CreateShareLinkState, createShareLinkAction } from "@/lib/share-links/actions";

export function CreateShareLinkForm({ projectId }: { projectId: string }) {
  const t = useTranslations("share");
  const [state, action, pending] = useActionState<CreateShareLinkState, FormData>(
    createShareLinkAction.bind(null, projectId),
    {},
  );
  const error = (field: "label" | "expiresAt") => {
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
      {state.message === "notAllowed" && (
        <p role="alert" className="error">
          {t("errors.notAllowed")}
        </p>
      )}
      {state.url && (
        <div className="notice" role="status">
          <p>{t("created")}</p>
          <input
            aria-label={t("linkUrl")}
            readOnly
            value={state.url}
            style={{ width: "100%" }}
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="label">{t("label")}</label>
        <input
          id="label"
          name="label"
          placeholder={t("labelPlaceholder")}
          aria-invalid={Boolean(state.fieldErrors?.label)}
          aria-describedby="label-error"
        />
        {error("label")}
      </div>
      <div className="field">
        <label htmlFor="expiresAt">{t("expiresAt")}</label>
        <input
          id="expiresAt"
          name="expiresAt"
          type="date"
          aria-invalid={Boolean(state.fieldErrors?.expiresAt)}
          aria-describedby="expiresAt-error"
        />
        {error("expiresAt")}
      </div>
      <fieldset className="field">
        <legend>{t("shows")}</legend>
        {(["showRegions", "showDisaggregations", "showConfidenceIntervals", "showComments"] as const).map((option) => (
          <label key={option}>
            <input type="checkbox" name={option} defaultChecked={option !== "showComments"} /> {t(`options.${option}`)}
          </label>
        ))}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
