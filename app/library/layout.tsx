import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { PrintButton } from "@/components/ui/print-button";
import { publicLibraryOpen } from "@/lib/server/studies/public-library";

// The public library: no sign-in, PUBLIC studies only. Closed unless PUBLIC_LIBRARY=1 (then a 404).
export const dynamic = "force-dynamic";

export default async function PublicLibraryLayout({ children }: { children: ReactNode }) {
  if (!publicLibraryOpen()) notFound();
  const t = await getTranslations();
  return (
    <>
      <header className="app-header">
        <a className="brand" href="/library">
          {t("studies.publicTitle")}
        </a>
        <nav aria-label={t("shared.tools")}>
          <PrintButton />
          <LanguageSwitcher />
        </nav>
      </header>
      <main id="content">{children}</main>
    </>
  );
}
