"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SecretNotice } from "@/components/ui/secret-notice";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { EventChoices } from "@/components/webhooks/event-choices";
import { type CreateWebhookState, createWebhookAction } from "@/lib/server/webhooks/actions";
import { createInstanceWebhookAction } from "@/lib/server/webhooks/instance-actions";

/** A manager adds a webhook: its address and events; the signing secret is shown once, here. */
export function WebhookForm({ projectId }: { projectId: string | null }) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState<CreateWebhookState, FormData>(
    projectId ? createWebhookAction.bind(null, projectId) : createInstanceWebhookAction,
    {},
  );
  const message = useErrorMessage("webhooks.errors");
  const eventsError = message(state.fieldErrors?.events);
  return (
    <form action={action} className="card" noValidate>
      <h2 style={{ marginTop: 0 }}>{t("addTitle")}</h2>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {state.secret && <SecretNotice message={t("created")} label={t("secret")} value={state.secret} />}
      <Field
        id="webhook-url"
        name="url"
        type="url"
        label={t("fields.url")}
        placeholder="https://example.org/hooks/me"
        defaultValue={state.values?.url}
        autoComplete="off"
        error={message(state.fieldErrors?.url)}
      />
      <EventChoices id="webhook-events" error={eventsError} instance={projectId === null} />
      <button className="button" type="submit" disabled={pending}>
        {t("add")}
      </button>
    </form>
  );
}
