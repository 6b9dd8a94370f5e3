import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegionComparisonPanel } from "@/components/indicators/region-comparison-panel";
import { LogframeNav } from "@/components/projects/logframe-nav";
import { requireUser } from "@/lib/auth/session";
import { regionComparison } from "@/lib/dashboard/region-comparison";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ indicator?: string; preview?: string }>;
};

export default async function ProjectPage({ params, searchParams }: Props) {
  const [{ projectId }, query, user] = await Promise.all([params, searchParams, requireUser()]);
  const project = await getProject(user, projectId);
  if (!project) notFound();
  const t = await getTranslations();
  const indicators = project.resultNodes.flatMap((n) => n.indicators);
  const selected =
    indicators.find((i) => i.id === query.indicator) ?? indicators.find((i) => i.measure !== "QUALITATIVE") ?? null;
  const preview = query.preview === "1";
  const comparison = selected
    ? await regionComparison(user, project.id, selected.id, { includeSubmitted: preview })
    : null;
  const mayPreview = can(user, "results.readUnapproved", project.id);

  return (
    <>
      <p className="no-print">
        <Link href="/projects">← {t("project.back")}</Link>
      </p>
      <h1>{project.name}</h1>
      <p className="muted">
        {project.code} · {project.donor}
      </p>
      <p>{project.summary}</p>
      <div className="layout-project">
        <LogframeNav project={project} selectedId={selected?.id ?? null} />
        <div>
          {selected && comparison ? (
            <>
              <h2>
                {selected.code} {selected.title}
              </h2>
              <p className="muted">
                {t(`indicator.measures.${selected.measure}`)}
                {selected.unit ? ` · ${selected.unit}` : ""}
              </p>
              {mayPreview && (
                <p className="no-print">
                  <Link
                    className="button secondary"
                    aria-pressed={preview}
                    href={`/projects/${project.id}?indicator=${selected.id}${preview ? "" : "&preview=1"}`}
                  >
                    {t("project.previewSubmitted")}
                  </Link>
                </p>
              )}
              <RegionComparisonPanel comparison={comparison} />
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
