import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/account-forms";
import { resetLinkOpens } from "@/lib/server/users/account";

export const metadata = { robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A used, expired or unknown link is a 404 with the way to ask for a new one (not-found.tsx).
  if (!(await resetLinkOpens(token))) notFound();
  const t = await getTranslations();
  return (
    <main id="content" className="login">
      <p className="muted">{t("app.name")}</p>
      <h1>{t("account.setPasswordTitle")}</h1>
      <ResetPasswordForm token={token} />
      <p>
        <Link href="/login">{t("account.backToLogin")}</Link>
      </p>
    </main>
  );
}
