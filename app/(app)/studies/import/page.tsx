import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CatalogueImportForm } from "@/components/studies/catalogue-import-form";
import { requireUser } from "@/lib/platform/auth/session";
import { formFileCaps } from "@/lib/platform/upload-limits";
import { mayImportCatalogue } from "@/lib/server/studies/catalogue-import";

/** Filing many studies at once from a catalogue file: for those who file studies (admins, project managers). */
export default async function StudyCatalogueImportPage() {
  const user = await requireUser();
  if (!mayImportCatalogue(user)) notFound();
  const t = await getTranslations("studies");
  return (
    <>
      <p className="no-print">
        <Link href="/studies">← {t("back")}</Link>
      </p>
      <h1>{t("import.title")}</h1>
      <CatalogueImportForm caps={formFileCaps().studyCatalogue} />
    </>
  );
}
