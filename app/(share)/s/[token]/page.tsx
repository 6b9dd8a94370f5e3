import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectDashboard } from "@/components/dashboard/project-dashboard";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { ChangesSinceLastReport } from "@/components/share/changes-since-report";
import { KeyResults } from "@/components/share/key-results";
import { ProgressNotes } from "@/components/share/progress-notes";
import { ProjectStudies } from "@/components/studies/project-studies";
import { ReportSources } from "@/components/studies/report-sources";
import { DatedDownloadLink } from "@/components/ui/dated-download-link";
import { PrintButton } from "@/components/ui/print-button";
import { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import { toSummaryJson } from "@/lib/domain/summary/types";
import { donorReport, linkReader } from "@/lib/server/share-links/donor-report-view";
import { openShareLink } from "@/lib/server/share-links/service";
import { SHARE_LIMITED_HEADER, SHARE_VIEW_COUNTED_HEADER } from "@/lib/server/share-links/view-limit";
import { reportCitations } from "@/lib/server/studies/citations";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ asOf?: string | string[] }> };

export default async function SharedDashboardPage({ params, searchParams }: Props) {
  const [{ token }, search] = await Promise.all([params, searchParams]);
  // The day the dashboard's filter put in the address; one that does not parse is dropped (today's figures).
  const asOf = AsOf.fromSearch(search.asOf) ?? AsOf.today();
  const t = await getTranslations();
  // proxy.ts counts the views and answers 429 (or 410 for a revoked or expired link) before this renders.
  // The kept-page route (lib/http/kept-donor-page.ts) counted the view of the page it asks the app for.
  const requestHeaders = await headers();
  const allowed = requestHeaders.get(SHARE_LIMITED_HEADER) !== "1";
  const counted = requestHeaders.get(SHARE_VIEW_COUNTED_HEADER) === "1";
  const access = allowed ? await openShareLink(token, new Date(), { countView: !counted }) : null;
  const active = access?.state === "active" ? access : null;
  // The share principal reads its one project like any principal: through the permission layer.
  const report = active
    ? await donorReport(linkReader(active), asOf, { locale: (await getLocale()) as Locale, for: "page" })
    : null;

  // A link that never existed (or was mistyped) is a 404 that browsers, crawlers and monitors see as one.
  if (access && (access.state === "unknown" || (active && !report))) notFound();
  if (!active || !report) {
    const reason = !access ? "rateLimited" : access.state === "active" ? "unknown" : access.state;
    return (
      <main id="content" className="login">
        <h1>{t("shared.unavailableTitle")}</h1>
        <p role="alert">{t(`shared.unavailable.${reason}`)}</p>
        <LanguageSwitcher />
      </main>
    );
  }

  const { summary, project, head, changes, notes, map, files, studies } = report;
  const locale = await getLocale();
  // The sources of the figures the report shows (its indicators' approved values).
  const citations = await reportCitations(
    active.principal,
    active.principal.projectId,
    summary.indicators.map((i) => i.indicator.id),
  );
  return (
    <>
      <header className="app-header">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("shared.tools")}>
          <DatedDownloadLink className="button secondary" href={`/api/v1/shared/${token}/report.pdf`}>
            {t("shared.report.pdf")}
          </DatedDownloadLink>{" "}
          <PrintButton />
          <LanguageSwitcher />
        </nav>
      </header>
      <main id="content">
        <p className="muted">{t("shared.readOnly", { label: active.label })}</p>
        <h1>{summary.project.name}</h1>
        <p>{project.summary}</p>
        <KeyResults
          summary={summary}
          headlines={head.headlines}
          lastUpdated={head.lastUpdated}
          sourceNote={head.sourceNote}
          map={map}
        />
        {changes && <ChangesSinceLastReport changes={changes} />}
        <ProgressNotes notes={notes} />
        <ProjectDashboard
          source={{ kind: "shared", token }}
          initialSummary={toSummaryJson(summary)}
          initialFilters={asOf.asked ? { asOf: asOf.toKey() } : {}}
          nodes={project.resultNodes.map(({ id, code, level, title }) => ({ id, code, level, title }))}
          mayPreview={false}
          regional={false}
          placeMap={map}
        />
        {files.length > 0 && (
          <section aria-labelledby="shared-evidence-title">
            <h2 id="shared-evidence-title">{t("evidence.sharedTitle")}</h2>
            <ul className="evidence-list">
              {files.map((f) => (
                <li key={f.id}>
                  <a href={`/api/v1/shared/${token}/evidence/${f.id}`} download={f.fileName}>
                    {f.fileName}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <ReportSources lines={citations} listed={new Set(studies.map((s) => s.id))} />
        <ProjectStudies
          items={studies}
          locale={locale}
          title={t("studies.sharedTitle")}
          pages={(count) => t("studies.pages", { count })}
          linked={false}
          withAbstract
          fileHref={(studyId, fileId) => `/api/v1/shared/${token}/studies/${studyId}/files/${fileId}`}
          filesLabel={t("studies.files")}
        />
      </main>
    </>
  );
}
