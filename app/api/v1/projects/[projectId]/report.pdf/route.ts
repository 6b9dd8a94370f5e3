import { projectExportRoute } from "@/lib/api/export-route";
import { donorReportFile } from "@/lib/exports/donor-report-export";

export const GET = projectExportRoute(async (principal, projectId, { asOf, locale }) => {
  const file = await donorReportFile(principal, projectId, { asOf, locale });
  return file && { ...file, body: new Uint8Array(file.body) };
}, "application/pdf");
