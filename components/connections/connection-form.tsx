"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/server/action";
import { createConnectionAction } from "@/lib/server/connections/actions";

/** A manager adds a KoboToolbox or ODK Central connection; its token or password is never shown again. */
export function ConnectionForm({ projectId }: { projectId: string }) {
  const t = useTranslations("connections");
  const [state, action, pending] = useActionState<ActionState, FormData>(
    createConnectionAction.bind(null, projectId),
    {},
  );
  const message = useErrorMessage("connections.errors");
  const [kind, setKind] = useState(state.values?.kind ?? "KOBO");
  const error = (field: string) => message(state.fieldErrors?.[field]);
  const field = (name: string, type = "text", placeholder?: string) => (
    <Field
      id={`connection-${name}`}
      name={name}
      type={type}
      label={t(`fields.${name}`)}
      placeholder={placeholder}
      defaultValue={type === "password" ? undefined : state.values?.[name]}
      autoComplete={type === "password" ? "new-password" : "off"}
      error={error(name)}
    />
  );
  return (
    <form action={action} className="card" noValidate>
      <h2 style={{ marginTop: 0 }}>{t("addTitle")}</h2>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {state.done && <p role="status">{t("added")}</p>}
      {field("name")}
      <div className="field">
        <label htmlFor="connection-kind">{t("fields.kind")}</label>
        <select id="connection-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="KOBO">KoboToolbox</option>
          <option value="ODK_CENTRAL">ODK Central</option>
        </select>
      </div>
      {field("serverUrl", "url", kind === "KOBO" ? "https://kf.kobotoolbox.org" : "https://central.example.org")}
      {kind === "KOBO" ? (
        <>
          {field("assetUid")}
          {field("token", "password")}
        </>
      ) : (
        <>
          {field("odkProject", "number")}
          {field("odkForm")}
          {field("email", "email")}
          {field("password", "password")}
          <p className="muted">{t("appUserHint")}</p>
          {field("appUserToken", "password")}
        </>
      )}
      <label>
        <input type="checkbox" name="submit" defaultChecked={state.values?.submit === "on"} /> {t("fields.submit")}
      </label>
      <label>
        <input type="checkbox" name="scheduled" defaultChecked={state.values?.scheduled === "on"} />{" "}
        {t("fields.scheduled")}
      </label>
      <p className="muted">{t("secretHint")}</p>
      <button className="button" type="submit" disabled={pending}>
        {t("add")}
      </button>
    </form>
  );
}
