import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function ResetLinkNotFound() {
  const t = await getTranslations();
  return (
    <main id="content" className="login">
      <p className="muted">{t("app.name")}</p>
      <h1>{t("account.linkUnusableTitle")}</h1>
      <p role="alert">{t("account.linkUnusable")}</p>
      <p>
        <Link href="/reset">{t("account.askNewLink")}</Link>
      </p>
    </main>
  );
}
