"use client";
import { useTranslations } from "next-intl";

const frequencies = ["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL"] as const;

export function FrequencySelect({ id, defaultValue }: { id: string; defaultValue: string }) {
  const t = useTranslations("setup");
  return (
    <div className="field">
      <label htmlFor={id}>{t("frequency")}</label>
      <select id={id} name="reportingFrequency" defaultValue={defaultValue}>
        {frequencies.map((f) => (
          <option key={f} value={f}>
            {t(`frequencies.${f}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
