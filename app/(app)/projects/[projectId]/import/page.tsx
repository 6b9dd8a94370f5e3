import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResultsImportForm } from "@/components/entry/results-import-form";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { gateProjectPage } from "@/lib/server/projects/page-gate";

function resultsCaps() {
  const limits = uploadLimits();
  return { file: limits.forms.resultsColumns.file, upload: limits.upload };
}

export default async function ResultsImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { project } = await gateProjectPage(params, "results.enter");
  const [t, ts, tc] = await Promise.all([
    getTranslations("resultsImport"),
    getTranslations("surveyImport"),
    getTranslations("connections"),
  ]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("pageTitle")}</h1>
      <p>
        <Link href={`/projects/${project.id}/import/survey`}>{ts("link")}</Link>
      </p>
      <p>
        <Link href={`/projects/${project.id}/connections`}>{tc("link")}</Link>
      </p>
      <ResultsImportForm projectId={project.id} caps={resultsCaps()} />
      <p>
        <Link href={`/projects/${project.id}/entry`}>{t("toEntry")}</Link>
      </p>
    </>
  );
}
