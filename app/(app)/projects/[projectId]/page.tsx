import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegionComparisonPanel } from "@/components/indicators/region-comparison-panel";
import { LogframeNav } from "@/components/projects/logframe-nav";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";
import { projectSummary } from "@/lib/summary/service";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ indicator?: string; preview?: string }>;
};

export default async function ProjectPage({ params, searchParams }: Props) {
  const [{ projectId }, query, user] = await Promise.all([params, searchParams, requireUser()]);
  const preview = query.preview === "1";
  const [project, summary] = await Promise.all([
    getProject(user, projectId),
    projectSummary(user, projectId, { includeSubmitted: preview }),
  ]);
  if (!project || !summary) notFound();
  const t = await getTranslations();
  const selected =
    summary.indicators.find((i) => i.indicator.id === query.indicator) ??
    summary.indicators.find((i) => i.indicator.measure !== "QUALITATIVE") ??
    null;
  const mayPreview = can(user, "results.readUnapproved", project.id);
  const selectedId = selected?.indicator.id ?? null;

  return (
    <>
      <p className="no-print">
        <Link href="/projects">← {t("project.back")}</Link>
      </p>
      <h1>{project.name}</h1>
      <p className="muted">
        {project.code} · {project.donor}
      </p>
      {can(user, "shareLinks.manage", project.id) && (
        <p className="no-print">
          <Link href={`/projects/${project.id}/share`}>{t("project.shareLinks")}</Link>
        </p>
      )}
      <p>{project.summary}</p>
      <div className="layout-project">
        <LogframeNav project={project} selectedId={selectedId} />
        <div>
          {selected ? (
            <>
              <h2>
                {selected.indicator.code} {selected.indicator.title}
              </h2>
              <p className="muted">
                {t(`indicator.measures.${selected.indicator.measure}`)}
                {selected.indicator.unit ? ` · ${selected.indicator.unit}` : ""}
              </p>
              {mayPreview && (
                <p className="no-print">
                  <Link
                    className="button secondary"
                    aria-pressed={preview}
                    href={`/projects/${project.id}?indicator=${selectedId}${preview ? "" : "&preview=1"}`}
                  >
                    {t("project.previewSubmitted")}
                  </Link>
                </p>
              )}
              <RegionComparisonPanel summary={selected} project={summary} />
            </>
          ) : (
            <p>{t("project.chooseIndicator")}</p>
          )}
          {project.sourceNote && (
            <>
              <h2>{t("project.sourceNote")}</h2>
              <p className="muted">{project.sourceNote}</p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
