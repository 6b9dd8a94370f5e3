import type { ProjectSummary } from "@/lib/summary/service";
import { toCsv } from "./csv";
import { summaryColumns, summaryRows } from "./summary-rows";

/** A download of the summary's numbers as CSV. */
export function summaryCsvResponse(summary: ProjectSummary): Response {
  const asOf = summary.asOf.toISOString().slice(0, 10);
  const filename = `${summary.project.code}-summary-${asOf}.csv`.replace(/[^\w.-]/g, "_");
  return new Response(toCsv([...summaryColumns], summaryRows(summary)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
