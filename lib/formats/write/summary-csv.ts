import type { ProjectSummary } from "@/lib/server/summary/service";
import { downloadResponse } from "../../server/exports/download";
import { toCsv } from "./csv";
import { summaryColumns, summaryRows } from "./summary-rows";

/** A download of the summary's numbers as CSV. */
export function summaryCsvResponse(summary: ProjectSummary): Response {
  const asOf = summary.asOf.toISOString().slice(0, 10);
  return downloadResponse(
    toCsv([...summaryColumns], summaryRows(summary)),
    `${summary.project.code}-summary-${asOf}.csv`,
    "text/csv; charset=utf-8",
  );
}
