import { projectExportRoute } from "@/lib/http/export-route";
import { trackingCsv } from "@/lib/server/exports/tracking-export";

export const GET = projectExportRoute(trackingCsv, "text/csv; charset=utf-8");
