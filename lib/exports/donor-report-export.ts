import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { can, type Principal } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";
import { donorReportHead } from "@/lib/share-links/donor-report";
import type { ShareOptions } from "@/lib/share-links/options";
import { projectSummary } from "@/lib/summary/service";
import { sharedSummary } from "@/lib/summary/shared";
import { donorReportPdf } from "./donor-report-pdf";

/**
 * The donor report of a project as a PDF: through a donor link (what the link shows) or for a member
 * (approved figures). Null when the project is not readable.
 */
export async function donorReportFile(
  principal: Principal,
  projectId: string,
  view: { asOf?: Date; locale: Locale; link?: ShareOptions },
) {
  if (!can(principal, "project.read", projectId)) return null;
  const summaryView = { asOf: view.asOf, locale: view.locale, depth: "overall" as const };
  const [summary, project, head] = await Promise.all([
    principal.kind === "share" && view.link
      ? sharedSummary({ principal, options: view.link }, summaryView)
      : projectSummary(principal, projectId, summaryView),
    getProject(principal, projectId),
    donorReportHead(principal, projectId),
  ]);
  if (!summary || !project) return null;
  const bytes = await donorReportPdf({
    summary,
    projectSummaryText: project.summary,
    headlines: head.headlines,
    lastUpdated: head.lastUpdated,
    sourceNote: head.sourceNote,
    locale: view.locale,
  });
  return { body: bytes, filename: `${project.code}-report-${summary.asOf.toISOString().slice(0, 10)}.pdf` };
}
