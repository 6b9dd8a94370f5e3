import type { ProjectSummary } from "@/lib/domain/summary/types";
import { toCsv } from "@/lib/formats/write/csv";
import { summaryColumns, summaryRows } from "@/lib/formats/write/summary-rows";
import { downloadResponse } from "./download";

/** A download of the summary's numbers as CSV. */
export function summaryCsvResponse(summary: ProjectSummary): Response {
  const asOf = summary.asOf.toISOString().slice(0, 10);
  return downloadResponse(
    toCsv([...summaryColumns], summaryRows(summary)),
    `${summary.project.code}-summary-${asOf}.csv`,
    "text/csv; charset=utf-8",
  );
}
