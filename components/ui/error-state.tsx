"use client";
import { useTranslations } from "next-intl";

/** The body of every error.tsx: a translated message and a retry. */
export function ErrorState({ reset }: { reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="card">
      <h1>{t("title")}</h1>
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
