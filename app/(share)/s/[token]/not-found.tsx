import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";

/** An unknown or mistyped donor link: answered 404, with what to do about it. */
export default async function UnknownShareLink() {
  const t = await getTranslations("shared");
  return (
    <main id="content" className="login">
      <h1>{t("unavailableTitle")}</h1>
      <p role="alert">{t("unavailable.unknown")}</p>
      <LanguageSwitcher />
    </main>
  );
}
