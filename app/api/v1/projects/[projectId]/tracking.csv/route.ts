import { projectExportRoute } from "@/lib/api/export-route";
import { trackingCsv } from "@/lib/exports/tracking-export";

export const GET = projectExportRoute(trackingCsv, "text/csv; charset=utf-8");
