"use client";
import { useFormatter, useTranslations } from "next-intl";

type Warning = { row: number; column: string; code: string; detail?: string };

/** Values an import saves all the same but that look unusual (the outlier rule of the entry grid). */
export function ImportWarnings({ warnings }: { warnings: Warning[] }) {
  const t = useTranslations("resultsImport");
  const format = useFormatter();
  if (!warnings.length) return null;
  return (
    <div className="warning" data-testid="import-warnings">
      <p>{t("warningsCaption", { count: warnings.length })}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.row}-${w.column}`}>
            {t("row")} {w.row}
            {w.column ? ` (${w.column})` : ""}:{" "}
            {t("outlier", {
              direction: w.code.split(":")[1] ?? "higher",
              previous: format.number(Number(w.detail ?? 0), { maximumFractionDigits: 1 }),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
