import "server-only";
import type { Locale } from "@/lib/domain/i18n/config";
import { can, type Principal } from "@/lib/domain/permissions";
import type { ShareOptions } from "@/lib/domain/share-links/options";
import { donorReportPdf } from "@/lib/formats/write/donor-report-pdf";
import { placeMap } from "@/lib/server/maps/service";
import { getProject } from "@/lib/server/projects/service";
import { progressNotes } from "@/lib/server/schedule/progress-notes";
import { donorReportHead } from "@/lib/server/share-links/donor-report";
import { changesSinceLastReport } from "@/lib/server/summary/changes";
import { projectSummary } from "@/lib/server/summary/service";
import { sharedSummary } from "@/lib/server/summary/shared";

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
  // Each place's figures too: the first headline is drawn on a map.
  const summaryView = { asOf: view.asOf, locale: view.locale, depth: "places" as const };
  const [summary, project, head, changes, notes] = await Promise.all([
    principal.kind === "share" && view.link
      ? sharedSummary({ principal, options: view.link }, summaryView)
      : projectSummary(principal, projectId, summaryView),
    getProject(principal, projectId),
    donorReportHead(principal, projectId),
    changesSinceLastReport(principal, projectId, { asOf: view.asOf, locale: view.locale }),
    progressNotes(principal, projectId),
  ]);
  if (!summary || !project) return null;
  const map = await placeMap(principal, projectId, summary.version);
  const bytes = await donorReportPdf({
    summary,
    projectSummaryText: project.summary,
    headlines: head.headlines,
    lastUpdated: head.lastUpdated,
    sourceNote: head.sourceNote,
    locale: view.locale,
    map,
    changes,
    notes,
  });
  return { body: bytes, filename: `${project.code}-report-${summary.asOf.toISOString().slice(0, 10)}.pdf` };
}
