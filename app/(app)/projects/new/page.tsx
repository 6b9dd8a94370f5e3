import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ImportProjectForm } from "@/components/setup/import-project-form";
import { NewProjectForm } from "@/components/setup/new-project-form";
import { canCreateProjects } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { placeOptions } from "@/lib/server/catalogue/place-options";

export default async function NewProjectPage() {
  const user = await requireUser();
  if (!canCreateProjects(user)) notFound();
  const [places, t] = await Promise.all([placeOptions(await getLocale(), "isoCode"), getTranslations("setup")]);
  return (
    <>
      <p>
        <Link href="/projects">← {t("backToProjects")}</Link>
      </p>
      <h1>{t("newProjectTitle")}</h1>
      <div className="two-columns">
        <NewProjectForm
          places={places.map((p) => ({
            id: p.id,
            ref: p.isoCode ?? p.id,
            name: p.name,
            isoCode: p.isoCode,
            depth: p.depth,
          }))}
        />
        <ImportProjectForm caps={uploadLimits().forms.projectImport} />
      </div>
    </>
  );
}
