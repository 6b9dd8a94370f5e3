import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/indicators/status-badge";
import { formatFigure } from "@/lib/domain/format/figure-format";
import type { ChangesSinceReport } from "@/lib/domain/summary/types";

/**
 * What changed since the last report: per indicator, the values approved since the latest period
 * ended, and its figure and status then and now. Rendered on the server; `collapsed` on a manager's
 * dashboard, open on the donor report. Nothing is shown before any period has ended.
 */
export async function ChangesSinceLastReport({
  changes,
  collapsed = false,
}: {
  changes: ChangesSinceReport;
  collapsed?: boolean;
}) {
  if (!changes.since || !changes.periodLabel) return null;
  const [t, format] = await Promise.all([getTranslations("changes"), getFormatter()]);
  const lastDay = new Date(changes.since.getTime() - 1);
  const body = (
    <>
      <p className="muted">
        {t("since", { period: changes.periodLabel, date: format.dateTime(lastDay, { dateStyle: "long" }) })}
      </p>
      {changes.changes.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="changes">
          {changes.changes.map((c) => {
            const fig = (v: number | null) => formatFigure(format, c.measure, v, "–");
            return (
              <li key={c.indicatorId} data-indicator={c.code}>
                <strong>
                  {c.code} {c.title}
                </strong>
                <span>
                  {t("values", { count: c.values })} (
                  {[c.places.join(", "), c.times.join(", ")].filter(Boolean).join(" · ")})
                </span>
                <span data-figure="change">
                  {fig(c.before.actual)} → {fig(c.now.actual)}
                  {c.unit && c.unit !== "%" ? ` ${c.unit}` : ""}
                </span>
                <span data-status-change={`${c.before.status}>${c.now.status}`}>
                  {c.before.status === c.now.status ? (
                    <>
                      {t("statusUnchanged")} <StatusBadge status={c.now.status} />
                    </>
                  ) : (
                    t.rich("statusChange", {
                      before: () => <StatusBadge status={c.before.status} />,
                      now: () => <StatusBadge status={c.now.status} />,
                    })
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
  return collapsed ? (
    <details className="changes-since card">
      <summary>
        {t("title")} ({changes.changes.length})
      </summary>
      {body}
    </details>
  ) : (
    <section className="changes-since" aria-labelledby="changes-title">
      <h2 id="changes-title">{t("title")}</h2>
      {body}
    </section>
  );
}
