"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SecretNotice } from "@/components/ui/secret-notice";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { EventChoices } from "@/components/webhooks/event-choices";
import type { ActionState } from "@/lib/server/action";
import { type CreateWebhookState, rotateWebhookSecretAction, updateWebhookAction } from "@/lib/server/webhooks/actions";
import { rotateInstanceWebhookSecretAction, updateInstanceWebhookAction } from "@/lib/server/webhooks/instance-actions";

type Editable = { id: string; url: string; events: string[]; active: boolean; version: number };

/**
 * A webhook's changes: pause or resume it, rotate its signing secret (the new one shown once), and edit
 * its address and events. Each form sends the version the page was read at.
 */
export function WebhookEdit({ projectId, webhook: w }: { projectId: string | null; webhook: Editable }) {
  const t = useTranslations("webhooks");
  const message = useErrorMessage("webhooks.errors");
  const [edited, edit, editing] = useActionState<ActionState, FormData>(
    projectId ? updateWebhookAction.bind(null, projectId) : updateInstanceWebhookAction,
    {},
  );
  const [toggled, toggle, toggling] = useActionState<ActionState, FormData>(
    projectId ? updateWebhookAction.bind(null, projectId) : updateInstanceWebhookAction,
    {},
  );
  const [rotated, rotate, rotating] = useActionState<CreateWebhookState, FormData>(
    projectId ? rotateWebhookSecretAction.bind(null, projectId) : rotateInstanceWebhookSecretAction,
    {},
  );
  const hidden = (
    <>
      <input type="hidden" name="webhookId" value={w.id} />
      <input type="hidden" name="version" value={w.version} />
    </>
  );
  return (
    <>
      {[toggled.error, rotated.error].map(
        (e) =>
          e && (
            <p key={e} role="alert" className="error">
              {message(e)}
            </p>
          ),
      )}
      {rotated.secret && <SecretNotice message={t("rotated")} label={t("secret")} value={rotated.secret} />}
      <div className="project-actions">
        <form action={toggle}>
          {hidden}
          <input type="hidden" name="active" value={String(!w.active)} />
          <button className="button secondary" type="submit" disabled={toggling}>
            {w.active ? t("pause") : t("resume")}
          </button>
        </form>
        <form action={rotate}>
          {hidden}
          <button className="button secondary" type="submit" disabled={rotating}>
            {t("rotate")}
          </button>
        </form>
      </div>
      <details>
        <summary>{t("edit")}</summary>
        <form action={edit} noValidate>
          {hidden}
          {edited.error && (
            <p role="alert" className="error">
              {message(edited.error)}
            </p>
          )}
          {edited.done && <p role="status">{t("saved")}</p>}
          <Field
            id={`webhook-url-${w.id}`}
            name="url"
            type="url"
            label={t("fields.url")}
            defaultValue={edited.values?.url ?? w.url}
            autoComplete="off"
            error={message(edited.fieldErrors?.url)}
          />
          <EventChoices
            instance={projectId === null}
            id={`webhook-events-${w.id}`}
            checked={edited.lists?.events ?? w.events}
            error={message(edited.fieldErrors?.events)}
          />
          <button className="button" type="submit" disabled={editing}>
            {t("save")}
          </button>
        </form>
      </details>
    </>
  );
}
