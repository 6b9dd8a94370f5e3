"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/server/action";
import { createConnectionAction, updateConnectionAction } from "@/lib/server/connections/actions";
import type { ConnectionView } from "@/lib/server/connections/service";

/**
 * A manager adds a KoboToolbox or ODK Central connection, or edits one (`connection`): its token or
 * password is never shown again; on an edit, left blank it is kept, typed it replaces the sealed one.
 */
export function ConnectionForm({ projectId, connection }: { projectId: string; connection?: ConnectionView }) {
  const t = useTranslations("connections");
  const [state, action, pending] = useActionState<ActionState, FormData>(
    (connection ? updateConnectionAction : createConnectionAction).bind(null, projectId),
    {},
  );
  const message = useErrorMessage("connections.errors");
  const [kind, setKind] = useState(state.values?.kind ?? connection?.kind ?? "KOBO");
  const error = (field: string) => message(state.fieldErrors?.[field]);
  const saved = (name: string) => {
    const value = connection?.[name as keyof ConnectionView];
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  };
  const id = (name: string) => `connection-${connection ? `${connection.id}-` : ""}${name}`;
  const checked = (name: "submit" | "scheduled") =>
    state.values ? state.values[name] === "on" : (connection?.[name] ?? false);
  const field = (name: string, type = "text", placeholder?: string) => (
    <Field
      id={id(name)}
      name={name}
      type={type}
      label={t(`fields.${name}`)}
      placeholder={type === "password" && connection ? t("keepSecret") : placeholder}
      defaultValue={type === "password" ? undefined : (state.values?.[name] ?? saved(name))}
      autoComplete={type === "password" ? "new-password" : "off"}
      error={error(name)}
    />
  );
  return (
    <form action={action} className={connection ? undefined : "card"} noValidate>
      {connection ? (
        <>
          <input type="hidden" name="connectionId" value={connection.id} />
          <input type="hidden" name="version" value={connection.version} />
          <input type="hidden" name="kind" value={connection.kind} />
        </>
      ) : (
        <h2 style={{ marginTop: 0 }}>{t("addTitle")}</h2>
      )}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {state.done && <p role="status">{t(connection ? "edited" : "added")}</p>}
      {field("name")}
      {!connection && (
        <div className="field">
          <label htmlFor="connection-kind">{t("fields.kind")}</label>
          <select id="connection-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="KOBO">KoboToolbox</option>
            <option value="ODK_CENTRAL">ODK Central</option>
          </select>
        </div>
      )}
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
        <input type="checkbox" name="submit" defaultChecked={checked("submit")} /> {t("fields.submit")}
      </label>
      <label>
        <input type="checkbox" name="scheduled" defaultChecked={checked("scheduled")} /> {t("fields.scheduled")}
      </label>
      <p className="muted">{t(connection ? "keepSecretHint" : "secretHint")}</p>
      <button className="button" type="submit" disabled={pending}>
        {t(connection ? "save" : "add")}
      </button>
    </form>
  );
}
