import { projectExportRoute } from "@/lib/http/export-route";
import { projectLogframeCsv } from "@/lib/server/exports/logframe-workbook-export";

export const GET = projectExportRoute(projectLogframeCsv, "text/csv; charset=utf-8");
