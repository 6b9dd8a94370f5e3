"use client";
import { useTranslations } from "next-intl";
import type { SyncView } from "@/lib/server/connections/views";

const figure = (v: SyncView["values"][number]) =>
  v.value ?? (v.numerator !== null && v.denominator !== null ? `${v.numerator} / ${v.denominator}` : "");

/** One sync's outcome: what it read, the values it changed with the rows behind them, its problems. */
export function SyncResult({ sync }: { sync: SyncView }) {
  const t = useTranslations("connections");
  const reason = (key: string) => (t.has(`reasons.${key}`) ? t(`reasons.${key}`) : key);
  return (
    <div className="sync-result">
      {sync.status === "FAILED" ? (
        <p role="alert" className="error">
          {t("failed", { reason: reason(sync.error ?? "failed"), read: sync.read })}
        </p>
      ) : sync.changed === 0 && sync.problems.length === 0 ? (
        <p role="status">{t("nothingChanged", { read: sync.read })}</p>
      ) : (
        <p role="status">
          {t(sync.applied ? (sync.submitted ? "appliedSubmitted" : "appliedDrafts") : "notApplied", {
            read: sync.read,
            changed: sync.changed,
          })}
        </p>
      )}
      {sync.values.length > 0 && (
        <table>
          <caption>{t("valuesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.indicator")}</th>
              <th scope="col">{t("columns.place")}</th>
              <th scope="col">{t("columns.option")}</th>
              <th scope="col">{t("columns.when")}</th>
              <th scope="col">{t("columns.value")}</th>
              <th scope="col">{t("columns.rows")}</th>
            </tr>
          </thead>
          <tbody>
            {sync.values.map((v) => (
              <tr key={`${v.indicator}|${v.place}|${v.option ?? ""}|${v.when}`}>
                <td>{v.indicator}</td>
                <td>{v.place}</td>
                <td>{v.option ?? ""}</td>
                <td>{v.when}</td>
                <td>{figure(v)}</td>
                <td>{v.rows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sync.problems.length > 0 && (
        <ul className="error">
          {sync.problems.map((p, i) => (
            <li key={i}>
              {reason(p.code)}
              {p.column ? ` (${p.column}${p.row ? `, ${t("row", { row: p.row })}` : ""})` : ""}
              {p.detail ? `: ${p.detail}` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
