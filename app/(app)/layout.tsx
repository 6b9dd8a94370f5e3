import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { can } from "@/lib/domain/permissions";
import { canKeepStudyVocabulary } from "@/lib/domain/permissions/studies";
import { requireUser } from "@/lib/platform/auth/session";
import { failingConnections } from "@/lib/server/connections/notices";
import { inboxCount } from "@/lib/server/results/inbox";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // What waits in the inbox: values to correct or review, and connections that fail.
  const [t, values, failing] = await Promise.all([getTranslations(), inboxCount(user), failingConnections(user)]);
  const waiting = values + failing.length;
  return (
    <>
      <header className="app-header">
        <Link href="/projects" className="brand">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.projects")}>
          <Link href="/projects">{t("nav.projects")}</Link>
          <Link href="/studies">{t("nav.studies")}</Link>
          <Link href="/organisation">{t("nav.organisation")}</Link>
          <Link href="/inbox" data-count={waiting}>
            {t("nav.inbox", { count: waiting })}
          </Link>
          <Link href="/settings/tokens">{t("nav.tokens")}</Link>
          <Link href="/settings/account">{t("nav.account")}</Link>
          {can(user, "users.manage") && <Link href="/admin/users">{t("nav.users")}</Link>}
          {can(user, "webhooks.manageInstance") && <Link href="/admin/webhooks">{t("nav.instanceWebhooks")}</Link>}
          {can(user, "partners.manage") && <Link href="/admin/partners">{t("nav.partners")}</Link>}
          {canKeepStudyVocabulary(user) && <Link href="/admin/studies">{t("nav.studyVocabulary")}</Link>}
          <span className="muted">{t("nav.signedInAs", { name: user.name })}</span>
          <LanguageSwitcher />
          <SignOutButton />
        </nav>
      </header>
      <main id="content">{children}</main>
    </>
  );
}
