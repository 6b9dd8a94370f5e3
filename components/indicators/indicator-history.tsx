import { getFormatter, getTranslations } from "next-intl/server";
import type { indicatorHistory } from "@/lib/server/results/service";

type Events = Awaited<ReturnType<typeof indicatorHistory>>;

/** The audit trail of an indicator and its results: who changed what, when, from what to what. */
export async function IndicatorHistory({ events }: { events: Events }) {
  const [t, format] = await Promise.all([getTranslations("indicatorPage"), getFormatter()]);
  if (events === null) return <p className="muted">{t("historyNotAllowed")}</p>;
  if (events.length === 0) return <p>{t("noHistory")}</p>;
  return (
    <ol className="history">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at.toISOString()}>
            {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
          </time>{" "}
          <strong>{e.actor?.name ?? e.actorLabel ?? t("system")}</strong> · <code>{e.action}</code>
          {e.comment && <> · “{e.comment}”</>}
          {(e.before !== null || e.after !== null) && (
            <div className="muted">
              {JSON.stringify(e.before)} → {JSON.stringify(e.after)}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
