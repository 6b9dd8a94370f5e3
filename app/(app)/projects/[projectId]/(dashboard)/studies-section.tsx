import { getLocale, getTranslations } from "next-intl/server";
import { ProjectStudies } from "@/components/studies/project-studies";
import type { Principal } from "@/lib/domain/permissions";
import { projectStudies } from "@/lib/server/studies/service";

/** The dashboard's "Studies": the project's studies the member may read, linking to their pages. */
export async function StudiesSection({ principal, projectId }: { principal: Principal; projectId: string }) {
  const [items, t, locale] = await Promise.all([
    projectStudies(principal, projectId),
    getTranslations("studies"),
    getLocale(),
  ]);
  return (
    <ProjectStudies
      items={items}
      locale={locale}
      title={t("sectionTitle")}
      empty={t("sectionNone")}
      pages={(count) => t("pages", { count })}
      linked
    />
  );
}
