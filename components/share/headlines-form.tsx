"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { type HeadlinesState, headlinesAction } from "@/lib/server/share-links/actions";

type Choice = { id: string; code: string; title: string; chosen: boolean };

/** Which indicators the donor report opens with, as large figures against their targets. */
export function HeadlinesForm({ projectId, choices, max }: { projectId: string; choices: Choice[]; max: number }) {
  const t = useTranslations("share.headlines");
  const message = useErrorMessage("share.headlines");
  const [state, action, pending] = useActionState<HeadlinesState, FormData>(headlinesAction.bind(null, projectId), {});
  return (
    <form action={action} className="card" aria-labelledby="headlines-title">
      <h2 id="headlines-title" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <p className="muted">{t("intro", { max })}</p>
      <fieldset className="field">
        <legend className="visually-hidden">{t("title")}</legend>
        {choices.map((c) => (
          <label key={c.id} style={{ display: "block" }}>
            <input type="checkbox" name="headline" value={c.id} defaultChecked={c.chosen} /> {c.code} {c.title}
          </label>
        ))}
      </fieldset>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error, { max })}
        </p>
      )}
      {state.done && <p role="status">{t("saved")}</p>}
      <button type="submit" className="button" aria-disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
