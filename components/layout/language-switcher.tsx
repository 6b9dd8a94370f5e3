"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { locales } from "@/lib/domain/i18n/config";
import { setLocale } from "@/lib/server/users/locale-actions";

const names: Record<string, string> = { en: "English", es: "Español" };

export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t("language")}</legend>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="button secondary"
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
        >
          {names[locale]}
        </button>
      ))}
    </fieldset>
  );
}
