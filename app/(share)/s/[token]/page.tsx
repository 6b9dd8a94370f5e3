import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectDashboard } from "@/components/dashboard/project-dashboard";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { ChangesSinceLastReport } from "@/components/share/changes-since-report";
import { KeyResults } from "@/components/share/key-results";
import { ProgressNotes } from "@/components/share/progress-notes";
import { PrintButton } from "@/components/ui/print-button";
import type { Locale } from "@/lib/domain/i18n/config";
import { toSummaryJson } from "@/lib/domain/summary/types";
import { ApiProblem } from "@/lib/http/problem";
import { loadSharedSummary } from "@/lib/http/summary-handlers";
import { listEvidence } from "@/lib/server/evidence/service";
import { placeMap } from "@/lib/server/maps/service";
import { getProject } from "@/lib/server/projects/service";
import { progressNotes } from "@/lib/server/schedule/progress-notes";
import { donorReportHead } from "@/lib/server/share-links/donor-report";
import { openShareLink } from "@/lib/server/share-links/service";
import { SHARE_LIMITED_HEADER } from "@/lib/server/share-links/view-limit";
import { changesSinceLastReport } from "@/lib/server/summary/changes";
import { firstScreen } from "@/lib/server/summary/first-screen";

export default async function SharedDashboardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  // proxy.ts counts the views and answers 429 (or 410 for a revoked or expired link) before this renders.
  const allowed = (await headers()).get(SHARE_LIMITED_HEADER) !== "1";
  const access = allowed ? await openShareLink(token) : null;
  const active = access?.state === "active" ? access : null;
  // The share principal reads its one project like any principal: through the permission layer.
  const [summary, project, files, head] = active
    ? await Promise.all([
        firstScreen(async (part) => {
          const locale = (await getLocale()) as Locale;
          return loadSharedSummary({ principal: active, query: part, locale });
        }).catch((error) => {
          if (error instanceof ApiProblem && error.code === "notFound") return null;
          throw error;
        }),
        getProject(active.principal, active.principal.projectId),
        // Only the files a manager shared, of approved values and of reports.
        listEvidence(active.principal, active.principal.projectId),
        donorReportHead(active.principal, active.principal.projectId),
      ])
    : [null, null, [], null];

  // A link that never existed (or was mistyped) is a 404 that browsers, crawlers and monitors see as one.
  if (access && (access.state === "unknown" || (active && (!summary || !project)))) notFound();
  if (!active || !summary || !project || !head) {
    const reason = !access ? "rateLimited" : access.state === "active" ? "unknown" : access.state;
    return (
      <main id="content" className="login">
        <h1>{t("shared.unavailableTitle")}</h1>
        <p role="alert">{t(`shared.unavailable.${reason}`)}</p>
        <LanguageSwitcher />
      </main>
    );
  }

  const [map, changes, notes] = await Promise.all([
    placeMap(active.principal, active.principal.projectId, summary.version),
    changesSinceLastReport(active.principal, active.principal.projectId, { locale: (await getLocale()) as Locale }),
    progressNotes(active.principal, active.principal.projectId),
  ]);
  return (
    <>
      <header className="app-header">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("shared.tools")}>
          <a className="button secondary" href={`/api/v1/shared/${token}/report.pdf`} download>
            {t("shared.report.pdf")}
          </a>{" "}
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
          initialFilters={{}}
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
      </main>
    </>
  );
}
