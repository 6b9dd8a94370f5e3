import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { currentUser } from "@/lib/auth/session";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ joined?: string }> }) {
  if (await currentUser()) redirect("/projects");
  const { joined } = await searchParams;
  const t = await getTranslations();
  return (
    <main id="content" className="login">
      <p className="muted">{t("app.name")}</p>
      <h1>{t("login.title")}</h1>
      {joined && <p role="status">{t("login.joined")}</p>}
      <LoginForm />
      <p>
        <LanguageSwitcher />
      </p>
    </main>
  );
}
