import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import { donorReportPdf } from "@/lib/formats/write/donor-report-pdf";
import { type DonorReader, donorReport } from "@/lib/server/share-links/donor-report-view";

/**
 * The donor report of a project as a PDF: through a donor link (what the link shows) or for a member
 * (approved figures), read by the same loader as the donor page. Null when the project is not readable.
 */
export async function donorReportFile(reader: DonorReader, asOf: AsOf, locale: Locale) {
  const report = await donorReport(reader, asOf, { locale, for: "pdf" });
  if (!report) return null;
  const { summary, project, head, map, changes, notes } = report;
  const bytes = await donorReportPdf({
    summary,
    projectSummaryText: project.summary,
    headlines: head.headlines,
    lastUpdated: head.lastUpdated,
    sourceNote: head.sourceNote,
    locale,
    map,
    changes,
    notes,
  });
  return { body: bytes, filename: `${project.code}-report-${asOf.toKey()}.pdf` };
}
