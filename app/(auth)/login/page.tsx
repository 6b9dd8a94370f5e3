import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { currentUser } from "@/lib/platform/auth/session";

type Notice = "joined" | "passwordChanged" | "passwordReset" | "signedOut";
const notices: Notice[] = ["joined", "passwordChanged", "passwordReset", "signedOut"];

export default async function LoginPage({ searchParams }: { searchParams: Promise<Partial<Record<Notice, string>>> }) {
  if (await currentUser()) redirect("/projects");
  const query = await searchParams;
  const notice = notices.find((n) => query[n]);
  const t = await getTranslations();
  return (
    <main id="content" className="login">
      <p className="muted">{t("app.name")}</p>
      <h1>{t("login.title")}</h1>
      {notice && <p role="status">{t(`login.${notice}`)}</p>}
      <LoginForm />
      <p>
        <Link href="/reset">{t("login.forgotPassword")}</Link>
      </p>
      {/* A div: the switcher is a fieldset, which a paragraph may not hold (React would re-render the
          page on the client, dropping what was already typed). */}
      <div>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
