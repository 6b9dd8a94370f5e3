"use client";
import { useTranslations } from "next-intl";

/** A choice of one of the file's columns; a saved column the file lacks stays offered, as it was. */
export function ColumnSelect({
  id,
  value,
  headers,
  onChange,
  none,
}: {
  id: string;
  value: string;
  headers: string[];
  onChange: (column: string) => void;
  /** What choosing no column means (default: "(none)"). */
  none?: string;
}) {
  const t = useTranslations("surveyImport");
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none ?? t("none")}</option>
      {value && !headers.includes(value) && <option value={value}>{value}</option>}
      {headers.map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ))}
    </select>
  );
}

/** "Fill this in." beside a field the last preview refused (`invalid` by path, e.g. "indicators.0.condition"). */
export function FillIn({ invalid, path }: { invalid: Record<string, string> | undefined; path: string }) {
  const t = useTranslations("surveyImport");
  return invalid?.[path] ? <span className="error">{t("fillIn")}</span> : null;
}
