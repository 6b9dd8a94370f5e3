import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ResultsImportForm } from "@/components/entry/results-import-form";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";

export default async function ResultsImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const [{ projectId }, user] = await Promise.all([params, requireUser()]);
  const project = await getProject(user, projectId);
  if (!project || !can(user, "results.enter", project.id)) notFound();
  const [t, ts] = await Promise.all([getTranslations("resultsImport"), getTranslations("surveyImport")]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("pageTitle")}</h1>
      <p>
        <Link href={`/projects/${project.id}/import/survey`}>{ts("link")}</Link>
      </p>
      <ResultsImportForm projectId={project.id} />
      <p>
        <Link href={`/projects/${project.id}/entry`}>{t("toEntry")}</Link>
      </p>
    </>
  );
}
