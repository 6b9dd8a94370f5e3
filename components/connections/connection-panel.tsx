"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SecretNotice } from "@/components/ui/secret-notice";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/server/action";
import {
  deleteConnectionAction,
  type PushState,
  pushAction,
  type SyncConnectionState,
  syncConnectionAction,
  type TestConnectionState,
  testConnectionAction,
} from "@/lib/server/connections/actions";
import type { ConnectionOverview } from "@/lib/server/connections/overview";
import { ConnectionForm } from "./connection-form";
import { SyncResult } from "./sync-result";

/** One connection: its server and state, "test connection", "sync now" with its result, and its history. */
export function ConnectionPanel({
  projectId,
  connection: c,
  mayManage,
}: {
  projectId: string;
  connection: ConnectionOverview;
  mayManage: boolean;
}) {
  const t = useTranslations("connections");
  const message = useErrorMessage("connections.errors");
  const [tested, test, testing] = useActionState<TestConnectionState, FormData>(
    testConnectionAction.bind(null, projectId),
    {},
  );
  const [synced, sync, syncing] = useActionState<SyncConnectionState, FormData>(
    syncConnectionAction.bind(null, projectId),
    {},
  );
  const [deleted, remove, deleting] = useActionState<ActionState, FormData>(
    deleteConnectionAction.bind(null, projectId),
    {},
  );
  const [pushed, push, pushing] = useActionState<PushState, FormData>(pushAction.bind(null, projectId), {});
  const reason = (key: string) => (t.has(`reasons.${key}`) ? t(`reasons.${key}`) : key);
  const target = c.kind === "KOBO" ? c.assetUid : `${c.odkProject} / ${c.odkForm}`;
  return (
    <section className="card" aria-labelledby={`connection-${c.id}`}>
      <h2 id={`connection-${c.id}`} style={{ marginTop: 0 }}>
        {c.name}
      </h2>
      <p className="muted">
        {c.kind === "KOBO" ? "KoboToolbox" : "ODK Central"} · {c.serverUrl} · {target} ·{" "}
        {c.submit ? t("savesSubmitted") : t("savesDrafts")}
        {c.scheduled ? ` · ${t("hourly")}` : ""}
        {c.pushOn ? ` · ${t("pushOn")}` : ""}
      </p>
      {c.status === "BROKEN" && (
        <p role="alert" className="error">
          {t("broken", { reason: reason(c.brokenReason ?? "failed") })}
        </p>
      )}
      {[tested.error, synced.error, deleted.error, pushed.error].map(
        (e) =>
          e && (
            <p key={e} role="alert" className="error">
              {message(e)}
            </p>
          ),
      )}
      <div className="project-actions">
        <form action={test}>
          <input type="hidden" name="connectionId" value={c.id} />
          <button className="button secondary" type="submit" disabled={testing}>
            {t("test")}
          </button>
        </form>
        <form action={sync}>
          <input type="hidden" name="connectionId" value={c.id} />
          <button className="button" type="submit" disabled={syncing}>
            {syncing ? t("syncing") : t("sync")}
          </button>
        </form>
        {mayManage && c.kind === "KOBO" && (
          <form action={push}>
            <input type="hidden" name="connectionId" value={c.id} />
            <button className="button secondary" type="submit" name="intent" value="on" disabled={pushing}>
              {c.pushOn ? t("pushRenew") : t("pushEnable")}
            </button>
            {c.pushOn && (
              <button className="button secondary" type="submit" name="intent" value="off" disabled={pushing}>
                {t("pushDisable")}
              </button>
            )}
          </form>
        )}
        {mayManage && (
          <form
            action={remove}
            onSubmit={(e) => {
              if (!window.confirm(t("deleteConfirm", { name: c.name }))) e.preventDefault();
            }}
          >
            <input type="hidden" name="connectionId" value={c.id} />
            <button className="button secondary" type="submit" disabled={deleting}>
              {t("delete")}
            </button>
          </form>
        )}
      </div>
      {mayManage && (
        <details>
          <summary>{t("edit")}</summary>
          {/* A saved edit raises the version: the form starts again from what is now saved. */}
          <ConnectionForm key={c.version} projectId={projectId} connection={c} />
        </details>
      )}
      {pushed.url && <SecretNotice message={t("pushCreated")} label={t("pushUrl")} value={pushed.url} />}
      {tested.test &&
        (tested.test.ok ? (
          <p role="status">{t("testOk", { name: tested.test.form.name, submissions: tested.test.form.submissions })}</p>
        ) : (
          <p role="alert" className="error">
            {t("testFailed", { reason: reason(tested.test.reason) })}
          </p>
        ))}
      {synced.sync && <SyncResult sync={synced.sync} />}
      <h3>{t("historyTitle")}</h3>
      {c.history.length === 0 ? (
        <p className="muted">{t("noHistory")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("history.trigger")}</th>
              <th scope="col">{t("history.read")}</th>
              <th scope="col">{t("history.changed")}</th>
              <th scope="col">{t("history.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {c.history.map((h) => (
              <tr key={h.id}>
                <td>{new Date(h.startedAt).toLocaleString()}</td>
                <td>{t(`triggers.${h.trigger}`)}</td>
                <td>{h.read}</td>
                <td>{h.changed}</td>
                <td>
                  {h.status === "FAILED"
                    ? reason(h.error ?? "failed")
                    : h.status === "RUNNING"
                      ? t("running")
                      : h.problems.length
                        ? t("withProblems", { count: h.problems.length })
                        : h.applied
                          ? t("applied")
                          : t("unchanged")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
