import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SurveyImportForm } from "@/components/entry/survey-import-form";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { surveyFormContext } from "@/lib/server/survey/survey-import";

export default async function SurveyImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "results.enter");
  const [t, context] = await Promise.all([getTranslations("surveyImport"), surveyFormContext(user, project.id)]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}/import`}>← {project.name}</Link>
      </p>
      <h1>{t("pageTitle")}</h1>
      <SurveyImportForm projectId={project.id} context={context} caps={uploadLimits().forms.survey} />
    </>
  );
}
