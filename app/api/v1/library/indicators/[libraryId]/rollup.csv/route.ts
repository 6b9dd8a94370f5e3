import { rollupExportRoute } from "@/lib/http/export-route";
import { rollupCsv } from "@/lib/server/exports/rollup-export";

export const GET = rollupExportRoute(rollupCsv, "text/csv; charset=utf-8");
