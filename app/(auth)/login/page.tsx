import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { SsoButton } from "@/components/auth/sso-button";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { OIDC_PROVIDER_ID, type OidcRefusal, oidcSettings } from "@/lib/platform/auth/oidc";
import { currentUser } from "@/lib/platform/auth/session";

type Notice = "joined" | "passwordChanged" | "passwordReset" | "signedOut";
const notices: Notice[] = ["joined", "passwordChanged", "passwordReset", "signedOut"];

// Why single sign-on refused an account (lib/platform/auth/oidc.ts); any other error code next-auth
// sends back from the provider is a failure.
const refusals: OidcRefusal[] = ["SsoUnverified", "SsoUnknown", "SsoDeactivated"];

type Query = Partial<Record<Notice | "error", string>>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Query> }) {
  if (await currentUser()) redirect("/projects");
  const query = await searchParams;
  const notice = notices.find((n) => query[n]);
  const t = await getTranslations();
  const sso = oidcSettings();
  const refusal = refusals.find((r) => r === query.error);
  return (
    <main id="content" className="login">
      <p className="muted">{t("app.name")}</p>
      <h1>{t("login.title")}</h1>
      {notice && <p role="status">{t(`login.${notice}`)}</p>}
      {sso && query.error && (
        <p role="alert" className="error">
          {refusal ? t(`login.sso.${refusal}`, { label: sso.label }) : t("login.sso.failed", { label: sso.label })}
        </p>
      )}
      {sso && (
        <>
          <p>
            <SsoButton providerId={OIDC_PROVIDER_ID} text={t("login.sso.button", { label: sso.label })} />
          </p>
          <p className="muted">{t("login.sso.or")}</p>
        </>
      )}
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
