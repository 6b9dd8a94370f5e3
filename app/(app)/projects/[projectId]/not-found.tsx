import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function ProjectNotFound() {
  const t = await getTranslations();
  return (
    <div className="card">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p>{t("project.notFound")}</p>
      <Link href="/projects">{t("project.back")}</Link>
    </div>
  );
}
