// A donor report as its page, its PDF and its CSV read it: one loader, so all three show the same
// figures for the same reader and day. The page and the PDF take the whole report; the CSV and the
// summary API take its figures alone (`donorFigures`), which the report itself is made from.
import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import { can, type Principal, type SharePrincipal } from "@/lib/domain/permissions";
import type { ShareOptions } from "@/lib/domain/share-links/options";
import { listEvidence } from "@/lib/server/evidence/service";
import { placeMap } from "@/lib/server/maps/service";
import { getProject } from "@/lib/server/projects/service";
import { progressNotes } from "@/lib/server/schedule/progress-notes";
import { projectStudies } from "@/lib/server/studies/service";
import { changesSinceLastReport } from "@/lib/server/summary/changes";
import { firstScreen } from "@/lib/server/summary/first-screen";
import { depthOf, type FiguresPart } from "@/lib/server/summary/project-view";
import { projectSummary } from "@/lib/server/summary/service";
import { sharedSummary } from "@/lib/server/summary/shared";
import { donorReportHead } from "./donor-report";

/** Who reads a donor report: a donor link (what the link shows), or a member of the project (approved figures). */
export type DonorReader = { principal: Principal; projectId: string; link?: ShareOptions };

/** The reader of an opened donor link. */
export function linkReader(access: { principal: SharePrincipal; options: ShareOptions }): DonorReader {
  return { principal: access.principal, projectId: access.principal.projectId, link: access.options };
}

/** The figures a donor report shows, a link's restricted to what it shows. Null when not readable. */
export function donorFigures(
  reader: DonorReader,
  asOf: AsOf,
  part: FiguresPart = {},
  options: { locale?: Locale; dataVersion?: number } = {},
) {
  const view = { asOf, depth: depthOf(part), indicatorId: part.indicator, ...options };
  const { principal, link } = reader;
  return principal.kind === "share" && link
    ? sharedSummary({ principal, options: link }, view)
    : projectSummary(principal, reader.projectId, view);
}

/**
 * Everything a donor report shows, as of one day: its figures, the project, the headlines, what changed
 * since the last report, the progress notes and the map; for the page, the first screen (with the open
 * card's figures in full), the files and the studies shared with donors. Null when the reader may not read the project.
 */
export async function donorReport(reader: DonorReader, asOf: AsOf, options: { locale: Locale; for: "page" | "pdf" }) {
  const { principal, projectId } = reader;
  if (!can(principal, "project.read", projectId)) return null;
  const { locale } = options;
  const page = options.for === "page";
  const [summary, project, head, changes, notes, files, studies] = await Promise.all([
    // The PDF draws each place's figures too (the first headline on a map), as the page's first screen does.
    page
      ? firstScreen((part) => donorFigures(reader, asOf, part, { locale }))
      : donorFigures(reader, asOf, { view: "overview" }, { locale }),
    getProject(principal, projectId),
    donorReportHead(principal, projectId),
    changesSinceLastReport(principal, projectId, { asOf, locale }),
    progressNotes(principal, projectId),
    // Only the files a manager shared, of approved values and of reports.
    page ? listEvidence(principal, projectId) : [],
    // The studies shared with the project's donor links (or public), whoever reads the report.
    page ? projectStudies(principal, projectId, { sharedOnly: true }) : [],
  ]);
  if (!summary || !project) return null;
  const map = await placeMap(principal, projectId, summary.version);
  return { summary, project, head, changes, notes, map, files, studies };
}

export type DonorReport = NonNullable<Awaited<ReturnType<typeof donorReport>>>;
