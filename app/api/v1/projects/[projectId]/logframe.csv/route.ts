import { projectExportRoute } from "@/lib/api/export-route";
import { projectLogframeCsv } from "@/lib/exports/logframe-workbook-export";

export const GET = projectExportRoute(projectLogframeCsv, "text/csv; charset=utf-8");
