import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "@/components/auth/account-forms";

export const metadata = { robots: { index: false } };

export default async function RequestResetPage() {
  const t = await getTranslations();
  return (
    <main id="content" className="login">
      <p className="muted">{t("app.name")}</p>
      <h1>{t("account.resetTitle")}</h1>
      <p>{t("account.resetIntro")}</p>
      <RequestResetForm />
      <p>
        <Link href="/login">{t("account.backToLogin")}</Link>
      </p>
    </main>
  );
}
