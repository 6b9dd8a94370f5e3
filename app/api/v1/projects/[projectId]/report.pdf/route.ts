import { projectExportRoute } from "@/lib/http/export-route";
import { donorReportFile } from "@/lib/server/exports/donor-report-export";

export const GET = projectExportRoute(async (principal, projectId, { asOf, locale }) => {
  const file = await donorReportFile({ principal, projectId }, asOf, locale);
  return file && { ...file, body: new Uint8Array(file.body) };
}, "application/pdf");
