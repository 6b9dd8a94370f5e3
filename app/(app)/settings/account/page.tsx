import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/account-forms";
import { requireUser } from "@/lib/platform/auth/session";
import { signOutEverywhereAction } from "@/lib/server/users/account-actions";

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("signedInAs", { name: user.name, email: user.email })}</p>
      <ChangePasswordForm />
      <form action={signOutEverywhereAction} className="card" aria-labelledby="sign-out-everywhere-title">
        <h2 id="sign-out-everywhere-title" style={{ marginTop: 0 }}>
          {t("signOutEverywhere")}
        </h2>
        <p className="muted">{t("signOutEverywhereIntro")}</p>
        <button className="button secondary" type="submit">
          {t("signOutEverywhere")}
        </button>
      </form>
    </>
  );
}
