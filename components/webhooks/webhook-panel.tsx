"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { WebhookEdit } from "@/components/webhooks/webhook-edit";
import type { ActionState } from "@/lib/server/action";
import { deleteWebhookAction, testWebhookAction } from "@/lib/server/webhooks/actions";
import { deleteInstanceWebhookAction, testInstanceWebhookAction } from "@/lib/server/webhooks/instance-actions";

export type WebhookPanelData = {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  version: number;
  deliveries: {
    id: string;
    event: string;
    status: "PENDING" | "DELIVERED" | "FAILED";
    attempts: number;
    responseCode: number | null;
    lastError: string | null;
    nextAttemptAt: Date | null;
    createdAt: Date;
  }[];
};

/** One webhook: its address and events, its recent deliveries, the test, edit and delete buttons. */
export function WebhookPanel({ projectId, webhook: w }: { projectId: string | null; webhook: WebhookPanelData }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const message = useErrorMessage("webhooks.errors");
  const [tested, test, testing] = useActionState<ActionState, FormData>(
    projectId ? testWebhookAction.bind(null, projectId) : testInstanceWebhookAction,
    {},
  );
  const [deleted, remove, deleting] = useActionState<ActionState, FormData>(
    projectId ? deleteWebhookAction.bind(null, projectId) : deleteInstanceWebhookAction,
    {},
  );
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="card" aria-labelledby={`webhook-${w.id}`}>
      <h2 id={`webhook-${w.id}`} style={{ marginTop: 0, overflowWrap: "anywhere" }}>
        {w.url}
      </h2>
      <p className="muted">
        {w.active ? "" : `${t("paused")} · `}
        {w.events.join(", ")}
      </p>
      {[tested.error, deleted.error].map(
        (e) =>
          e && (
            <p key={e} role="alert" className="error">
              {message(e)}
            </p>
          ),
      )}
      {tested.done && <p role="status">{t("testSent")}</p>}
      <div className="project-actions">
        <form action={test}>
          <input type="hidden" name="webhookId" value={w.id} />
          <button className="button secondary" type="submit" disabled={testing}>
            {t("test")}
          </button>
        </form>
        <form action={remove}>
          <input type="hidden" name="webhookId" value={w.id} />
          <button className="button secondary" type="submit" disabled={deleting}>
            {t("delete")}
          </button>
        </form>
      </div>
      <WebhookEdit projectId={projectId} webhook={w} />
      <h3>{t("deliveries")}</h3>
      {w.deliveries.length === 0 ? (
        <p className="muted">{t("noDeliveries")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("columns.at")}</th>
              <th scope="col">{t("columns.event")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.attempts")}</th>
              <th scope="col">{t("columns.response")}</th>
            </tr>
          </thead>
          <tbody>
            {w.deliveries.map((d) => (
              <tr key={d.id}>
                <td>{when(d.createdAt)}</td>
                <td>
                  <code>{d.event}</code>
                </td>
                <td>
                  {t(`status.${d.status}`)}
                  {d.status === "PENDING" && d.nextAttemptAt
                    ? ` · ${t("nextAttempt", { at: when(d.nextAttemptAt) })}`
                    : ""}
                </td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? d.responseCode ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
