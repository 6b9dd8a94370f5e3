import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectDashboard } from "@/components/dashboard/project-dashboard";
import { ReachAgainstNeed } from "@/components/projects/reach-against-need";
import { ReportLinks } from "@/components/projects/report-links";
import { ChangesSinceLastReport } from "@/components/share/changes-since-report";
import { DatedLink } from "@/components/ui/dated-link";
import { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import { can } from "@/lib/domain/permissions";
import { toSummaryJson } from "@/lib/domain/summary/types";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { mayEnter } from "@/lib/server/results/entry-sheet";
import { mayReview } from "@/lib/server/results/review-queue";
import { type ProjectFilters, projectDashboard } from "@/lib/server/summary/project-view";
import { StudiesSection } from "./studies-section";

type Search = { indicator?: string; preview?: string; location?: string; period?: string; asOf?: string };
type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Search> };

export default async function ProjectPage({ params, searchParams }: Props) {
  const [{ user, project }, search] = await Promise.all([gateProjectPage(params), searchParams]);
  const mayPreview = can(user, "results.readUnapproved", project.id);
  // Filters come from the URL, read as the API reads them; when one does not parse, all are dropped.
  const filters = {
    location: search.location,
    period: search.period,
    asOf: search.asOf,
    preview: mayPreview && search.preview === "1",
  };
  const asOf = AsOf.fromSearch(search.asOf);
  const given = (v: unknown) => v === undefined || (typeof v === "string" && v.length > 0);
  const parsed = asOf !== null && given(filters.location) && given(filters.period);
  const query: ProjectFilters = parsed
    ? { asOf, location: filters.location, period: filters.period, includeSubmitted: filters.preview }
    : { asOf: AsOf.today(), includeSubmitted: false };
  const locale = (await getLocale()) as Locale;
  const [view, t, tEntry, tSchedule, tSetup, tDashboard, tConnections, tWebhooks] = await Promise.all([
    projectDashboard(user, project.id, query, { locale, openIndicatorId: search.indicator }),
    getTranslations("project"),
    getTranslations("entry"),
    getTranslations("schedule"),
    getTranslations("setup"),
    getTranslations("dashboard"),
    getTranslations("connections"),
    getTranslations("webhooks"),
  ]);
  if (!view) notFound();
  const { summary, changes, map } = view;
  const detailsLinks = Object.fromEntries(
    summary.indicators.map(({ indicator: i }) => [
      i.id,
      <DatedLink key={i.id} href={`/projects/${project.id}/indicators/${i.id}`}>
        {tDashboard("details")}
      </DatedLink>,
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
        {/* A partner's members too: they enter at the partner's sites, and its reviewers approve there first. */}
        {mayEnter(user, project.id) && <Link href={`/projects/${project.id}/entry`}>{tEntry("enterLink")}</Link>}
        {can(user, "results.enter", project.id) && (
          <Link href={`/projects/${project.id}/import`}>{tSetup("importResults")}</Link>
        )}
        {mayReview(user, project.id) && <Link href={`/projects/${project.id}/review`}>{tEntry("reviewLink")}</Link>}
        {can(user, "results.enter", project.id) && (
          <Link href={`/projects/${project.id}/schedule`}>{tSchedule("link")}</Link>
        )}
        {can(user, "connections.sync", project.id) && (
          <Link href={`/projects/${project.id}/connections`}>{tConnections("link")}</Link>
        )}
        {can(user, "webhooks.manage", project.id) && (
          <Link href={`/projects/${project.id}/webhooks`}>{tWebhooks("link")}</Link>
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
        {can(user, "partners.assign", project.id) && (
          <Link href={`/projects/${project.id}/partners`}>{tSetup("nav.partners")}</Link>
        )}
      </p>
      <p>{project.summary}</p>
      <ReportLinks projectId={project.id} mayDraft={mayPreview} />
      {changes && <ChangesSinceLastReport changes={changes} collapsed />}
      <ProjectDashboard
        source={{ kind: "project", projectId: project.id }}
        initialSummary={toSummaryJson(summary)}
        initialFilters={parsed ? filters : {}}
        nodes={project.resultNodes.map(({ id, code, level, title }) => ({ id, code, level, title }))}
        mayPreview={mayPreview}
        openIndicatorId={search.indicator ?? null}
        detailsLinks={detailsLinks}
        placeMap={map}
      />
      <ReachAgainstNeed
        need={view.need}
        asOf={summary.asOf}
        periodLabel={summary.times.find((time) => time.id === summary.timeId)?.label ?? null}
      />
      <StudiesSection principal={user} projectId={project.id} />
      {project.sourceNote && (
        <>
          <h2>{t("sourceNote")}</h2>
          <p className="muted">{project.sourceNote}</p>
        </>
      )}
    </>
  );
}
