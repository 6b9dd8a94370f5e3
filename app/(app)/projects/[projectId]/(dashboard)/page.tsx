import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectDashboard } from "@/components/dashboard/project-dashboard";
import { ReportLinks } from "@/components/projects/report-links";
import { ChangesSinceLastReport } from "@/components/share/changes-since-report";
import type { Locale } from "@/lib/domain/i18n/config";
import { can } from "@/lib/domain/permissions";
import { toSummaryJson } from "@/lib/domain/summary/types";
import { summaryQuery } from "@/lib/http/contracts/summary";
import { ApiProblem } from "@/lib/http/problem";
import { loadProjectSummary } from "@/lib/http/summary-handlers";
import { placeMap } from "@/lib/server/maps/service";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { changesSinceLastReport } from "@/lib/server/summary/changes";
import { firstScreen } from "@/lib/server/summary/first-screen";

type Search = { indicator?: string; preview?: string; location?: string; period?: string; asOf?: string };
type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Search> };

export default async function ProjectPage({ params, searchParams }: Props) {
  const [{ user, project }, search] = await Promise.all([gateProjectPage(params), searchParams]);
  const mayPreview = can(user, "results.readUnapproved", project.id);
  // Filters come from the URL, parsed as the API parses them; a filter that does not parse is dropped.
  const filters = {
    location: search.location,
    period: search.period,
    asOf: search.asOf,
    preview: mayPreview && search.preview === "1",
  };
  const parsed = summaryQuery.safeParse({ ...filters, includeSubmitted: filters.preview ? "true" : undefined });
  const query = parsed.success ? parsed.data : { includeSubmitted: false };
  const locale = (await getLocale()) as Locale;
  const view = { principal: user, params: { projectId: project.id }, locale };
  const firstScreenWith = (filtered: typeof query) =>
    firstScreen((part) => loadProjectSummary({ ...view, query: { ...filtered, ...part } }), search.indicator);
  const summary = await firstScreenWith(query).catch((error) => {
    if (error instanceof ApiProblem && error.code === "validation") return firstScreenWith({ includeSubmitted: false });
    throw error;
  });
  const [map, changes, t, tEntry, tSchedule, tSetup, tDashboard] = await Promise.all([
    placeMap(user, project.id, summary.version),
    changesSinceLastReport(user, project.id, { locale }),
    getTranslations("project"),
    getTranslations("entry"),
    getTranslations("schedule"),
    getTranslations("setup"),
    getTranslations("dashboard"),
  ]);
  const detailsLinks = Object.fromEntries(
    summary.indicators.map(({ indicator: i }) => [
      i.id,
      <Link key={i.id} href={`/projects/${project.id}/indicators/${i.id}`}>
        {tDashboard("details")}
      </Link>,
    ]),
  );

  return (
    <>
      <p className="no-print">
        <Link href="/projects">← {t("back")}</Link>
      </p>
      <h1>{project.name}</h1>
      <p className="muted">
        {project.code} · {project.donor}
      </p>
      <p className="project-actions no-print">
        {can(user, "results.enter", project.id) && (
          <Link href={`/projects/${project.id}/entry`}>{tEntry("enterLink")}</Link>
        )}
        {can(user, "results.enter", project.id) && (
          <Link href={`/projects/${project.id}/import`}>{tSetup("importResults")}</Link>
        )}
        {can(user, "results.review", project.id) && (
          <Link href={`/projects/${project.id}/review`}>{tEntry("reviewLink")}</Link>
        )}
        {can(user, "results.enter", project.id) && (
          <Link href={`/projects/${project.id}/schedule`}>{tSchedule("link")}</Link>
        )}
        {can(user, "shareLinks.manage", project.id) && (
          <Link href={`/projects/${project.id}/share`}>{t("shareLinks")}</Link>
        )}
        {can(user, "project.edit", project.id) && (
          <>
            <Link href={`/projects/${project.id}/settings`}>{tSetup("nav.settings")}</Link>
            <Link href={`/projects/${project.id}/logframe`}>{tSetup("nav.logframe")}</Link>
            <Link href={`/projects/${project.id}/targets`}>{tSetup("nav.targets")}</Link>
          </>
        )}
        {can(user, "members.manage", project.id) && (
          <Link href={`/projects/${project.id}/team`}>{tSetup("nav.team")}</Link>
        )}
      </p>
      <p>{project.summary}</p>
      <ReportLinks projectId={project.id} mayDraft={mayPreview} />
      {changes && <ChangesSinceLastReport changes={changes} collapsed />}
      <ProjectDashboard
        source={{ kind: "project", projectId: project.id }}
        initialSummary={toSummaryJson(summary)}
        initialFilters={parsed.success ? filters : {}}
        nodes={project.resultNodes.map(({ id, code, level, title }) => ({ id, code, level, title }))}
        mayPreview={mayPreview}
        openIndicatorId={search.indicator ?? null}
        detailsLinks={detailsLinks}
        placeMap={map}
      />
      {project.sourceNote && (
        <>
          <h2>{t("sourceNote")}</h2>
          <p className="muted">{project.sourceNote}</p>
        </>
      )}
    </>
  );
}
