"use client";
import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("shared");
  return (
    <button type="button" className="button secondary" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
