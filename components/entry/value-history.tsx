"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { fetchJson } from "@/lib/client/problem";
import { queryClient } from "@/lib/client/query-client";

type Figure = {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  textValue?: string | null;
  status?: string;
};
type Event = {
  at: string;
  actor: string | null;
  action: string;
  before: Figure | null;
  after: Figure | null;
  comment: string | null;
};

function figureText(f: Figure | null): string {
  if (!f) return "–";
  if (f.numerator != null && f.denominator != null) return `${f.numerator}/${f.denominator}`;
  return f.textValue ?? (f.value == null ? "–" : String(f.value));
}

/** One value's audit trail, fetched when opened: who changed it, when, from what to what, and why. */
export function ValueHistory({ projectId, resultId, label }: { projectId: string; resultId: string; label: string }) {
  const t = useTranslations("entry");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const history = useQuery(
    {
      queryKey: ["result-history", resultId],
      queryFn: ({ signal }) =>
        fetchJson<{ events: Event[] }>(`/api/v1/projects/${projectId}/results/${resultId}/history`, signal),
      enabled: open,
    },
    queryClient(),
  );
  return (
    <details className="value-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={t("historyOf", { cell: label })}>{t("historyShort")}</summary>
      {history.isPending && open && <p className="muted">…</p>}
      {history.isError && <p className="error">{t("historyFailed")}</p>}
      {history.data?.events.length === 0 && <p className="muted">{t("historyEmpty")}</p>}
      {history.data && history.data.events.length > 0 && (
        <ol>
          {history.data.events.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })} · {e.actor ?? "–"} ·{" "}
              {t.has(`actions.${e.action}`) ? t(`actions.${e.action}` as "actions.result.create") : e.action}:{" "}
              {figureText(e.before)} → {figureText(e.after)}
              {e.after?.status ? ` (${t(`statuses.${e.after.status}` as "statuses.DRAFT")})` : ""}
              {e.comment ? ` “${e.comment}”` : ""}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
