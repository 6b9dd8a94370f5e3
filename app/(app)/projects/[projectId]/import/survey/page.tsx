import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SurveyImportForm } from "@/components/entry/survey-import-form";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";
import { surveyFormContext } from "@/lib/survey/import";

export default async function SurveyImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const [{ projectId }, user] = await Promise.all([params, requireUser()]);
  const project = await getProject(user, projectId);
  if (!project || !can(user, "results.enter", project.id)) notFound();
  const [t, context] = await Promise.all([getTranslations("surveyImport"), surveyFormContext(user, project.id)]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}/import`}>← {project.name}</Link>
      </p>
      <h1>{t("pageTitle")}</h1>
      <SurveyImportForm projectId={project.id} context={context} />
    </>
  );
}
